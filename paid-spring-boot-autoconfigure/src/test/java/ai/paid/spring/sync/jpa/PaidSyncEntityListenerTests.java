package ai.paid.spring.sync.jpa;

import javax.sql.DataSource;

import ai.paid.spring.autoconfigure.PaidSyncAutoConfiguration;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Partner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PaidSyncEntityListener} on a persistence unit the application builds itself, where the auto-configured Hibernate
 * integration does not reach: the listener feeds the capture on its own.
 */
class PaidSyncEntityListenerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidSyncAutoConfiguration.class))
		.withUserConfiguration(HandBuiltJpa.class);

	@Test
	void listenerQueuesChangesOfItsEntitiesWithoutTheHibernateIntegration() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			assertThat(context).hasSingleBean(PaidEntityCapture.class);
			inTransaction(context, (em) -> em.persist(new Partner("p-1", "Umbrella")));
			assertThat(outbox.messages).singleElement().satisfies((message) -> {
				assertThat(message.entityType()).isEqualTo("CUSTOMER");
				assertThat(message.lane()).isEqualTo("cust:p-1");
			});
			outbox.clear();
			inTransaction(context, (em) -> em.find(Partner.class, "p-1").setName("Umbrella Corp"));
			assertThat(outbox.messages).singleElement()
				.satisfies((message) -> assertThat(message.payload()).contains("Umbrella Corp"));
			outbox.clear();
			inTransaction(context, (em) -> em.remove(em.find(Partner.class, "p-1")));
			assertThat(outbox.messages).singleElement()
				.satisfies((message) -> assertThat(message.operation().name()).isEqualTo("DELETE"));
		});
	}

	@Test
	void withoutTheIntegrationAnnotatedEntitiesWithoutTheListenerAreNotCaptured() {
		this.runner.run((context) -> {
			inTransaction(context, (em) -> em.persist(new Account("acme", "Acme Ltd")));
			assertThat(context.getBean(RecordingOutbox.class).messages).isEmpty();
		});
	}

	private static void inTransaction(AssertableApplicationContext context,
			java.util.function.Consumer<EntityManager> work) {
		EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
		new TransactionTemplate(context.getBean(JpaTransactionManager.class)).executeWithoutResult(
				(status) -> work.accept(EntityManagerFactoryUtils.getTransactionalEntityManager(emf)));
		assertThat(context.getBean(RecordingOutbox.class).lost).isEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	static class HandBuiltJpa {

		@Bean
		RecordingOutbox recordingOutbox() {
			return new RecordingOutbox();
		}

		@Bean
		LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setPackagesToScan(Account.class.getPackageName());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "create-drop");
			return factory;
		}

		@Bean
		JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
			return new JpaTransactionManager(entityManagerFactory);
		}

	}

}
