package ai.paid.spring.sync.jpa;

import java.time.LocalDate;
import java.util.function.Consumer;

import ai.paid.spring.autoconfigure.PaidSyncAutoConfiguration;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Contact;
import ai.paid.spring.sync.fixtures.Lead;
import ai.paid.spring.sync.fixtures.Partner;
import ai.paid.spring.sync.fixtures.Subscription;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaidEntityCaptureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
				PaidSyncAutoConfiguration.class))
		.withUserConfiguration(SeedEntities.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void accountContactAndSubscriptionSavedTogetherAreQueuedCustomerFirstInOneLane() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			assertThat(outbox.messages).extracting(OutboxMessage::entityType)
				.containsExactly("CUSTOMER", "CONTACT", "ORDER");
			assertThat(outbox.messages).extracting(OutboxMessage::lane).containsOnly("cust:acme");
			assertThat(outbox.messages).extracting(OutboxMessage::entityId).containsExactly("acme", "c-john", "sub-1");
			assertThat(outbox.inTransaction).containsOnly(true);
			assertThat(outbox.messages.get(0).payload()).contains("\"name\":\"Acme Ltd\"")
				.contains("\"billingAddress\":{\"country\":\"GB\"}")
				.contains("\"version\":1");
			assertThat(outbox.messages.get(1).payload()).contains("\"customerExternalId\":\"acme\"")
				.contains("\"firstName\":\"John\"")
				.doesNotContain("VP of Sales");
			assertThat(outbox.messages.get(2).payload()).contains("\"billingContactExternalIds\":[\"c-john\"]")
				.contains("\"startDate\":\"2025-06-01T00:00:00Z\"")
				.contains("\"lines\":[{\"productExternalId\":\"ai-sdr-pro\"}]")
				.contains("\"metadata\":{\"source\":\"signup\"}");
		});
	}

	@Test
	void rollbackQueuesNothing() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			template.executeWithoutResult((status) -> {
				signUp(entityManager(context));
				entityManager(context).flush();
				status.setRollbackOnly();
			});
			assertThat(outbox.messages).isEmpty();
		});
	}

	@Test
	void updateOfUnmappedFieldsQueuesNothingAndOfMappedFieldQueuesOneUpsert() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			outbox.clear();
			inTransaction(context, (em) -> {
				em.find(Account.class, "acme").setNotes("met at a fair");
				em.createQuery("select c from Contact c", Contact.class).getSingleResult().setTitle("CRO");
			});
			assertThat(outbox.messages).isEmpty();
			inTransaction(context, (em) -> {
				em.find(Account.class, "acme").setCompanyName("Acme Limited");
				em.flush();
				em.find(Account.class, "acme").setCountry("IE");
			});
			assertThat(outbox.messages).singleElement().satisfies((message) -> {
				assertThat(message.operation()).isEqualTo(OutboxOperation.UPSERT);
				assertThat(message.payload()).contains("Acme Limited").contains("\"country\":\"IE\"");
			});
		});
	}

	@Test
	void mappedFieldSetToNullIsQueuedAsCleared() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			outbox.clear();
			inTransaction(context, (em) -> em.find(Account.class, "acme").setCountry(null));
			assertThat(outbox.messages).singleElement()
				.satisfies((message) -> assertThat(message.payload()).doesNotContain("\"country\"")
					.contains("\"clearedFields\":[\"billingAddress\"]"));
		});
	}

	@Test
	void deletesAreQueuedChildrenFirstInTheCustomersLane() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			outbox.clear();
			inTransaction(context, (em) -> {
				em.remove(em.find(Subscription.class, "sub-1"));
				em.remove(em.createQuery("select c from Contact c", Contact.class).getSingleResult());
				em.flush();
				em.remove(em.find(Account.class, "acme"));
			});
			assertThat(outbox.messages).extracting(OutboxMessage::operation).containsOnly(OutboxOperation.DELETE);
			assertThat(outbox.messages).extracting(OutboxMessage::entityType)
				.containsExactly("ORDER", "CONTACT", "CUSTOMER");
			assertThat(outbox.messages).extracting(OutboxMessage::lane).containsOnly("cust:acme");
		});
	}

	@Test
	void entityCreatedAndRemovedInOneTransactionQueuesNothing() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> {
				Account account = new Account("temp", "Temp Ltd");
				em.persist(account);
				em.flush();
				em.remove(account);
			});
			assertThat(outbox.messages).isEmpty();
		});
	}

	@Test
	void contactMovedToAnotherCustomerIsQueuedInTheNewCustomersLane() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			inTransaction(context, (em) -> em.persist(new Account("globex", "Globex")));
			outbox.clear();
			inTransaction(context, (em) -> em.createQuery("select c from Contact c", Contact.class)
				.getSingleResult()
				.setAccount(em.find(Account.class, "globex")));
			assertThat(outbox.messages).singleElement().satisfies((message) -> {
				assertThat(message.lane()).isEqualTo("cust:globex");
				assertThat(message.payload()).contains("\"customerExternalId\":\"globex\"");
			});
		});
	}

	@Test
	void nullExternalIdFailsTheCommitNamingEntityAndMember() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			assertThatThrownBy(() -> inTransaction(context, (em) -> {
				Account account = new Account("acme", "Acme Ltd");
				em.persist(account);
				em.persist(new Contact(null, account, "John", "Doe", "john@acme.test"));
			})).hasStackTraceContaining("Contact has no external id for Paid: Contact.ref (@PaidExternalId) is null");
			assertThat(outbox.messages).isEmpty();
			assertThat(context.getBean(EntityManagerFactory.class)
				.createEntityManager()
				.createQuery("select count(a) from Account a", Long.class)
				.getSingleResult()).isZero();
		});
	}

	@Test
	void contactWithoutCustomerFailsTheCommitNamingTheRelation() {
		this.runner.run((context) -> {
			assertThatThrownBy(() -> inTransaction(context,
					(em) -> em.persist(new Contact("c-orphan", null, "Ann", "Other", "ann@x.test"))))
				.hasStackTraceContaining(
						"Contact 'c-orphan' has no customer (Contact.account is null); a Paid contact needs one");
			assertThat(context.getBean(RecordingOutbox.class).messages).isEmpty();
		});
	}

	@Test
	void paidMapperBeanMapsAPlainEntity() {
		this.runner
			.withBean("leadMapper", PaidMapper.class,
					() -> PaidMapper.of(Lead.class,
							(lead) -> PaidCustomerData.builder("lead-" + lead.getCode()).name(lead.getCompany()).build()))
			.run((context) -> {
				RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
				inTransaction(context, (em) -> em.persist(new Lead("7", "Initech")));
				assertThat(outbox.messages).singleElement().satisfies((message) -> {
					assertThat(message.lane()).isEqualTo("cust:lead-7");
					assertThat(message.payload()).contains("\"name\":\"Initech\"");
				});
			});
	}

	@Test
	void plainEntityWithoutMapperIsNotSynced() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> em.persist(new Lead("8", "Hooli")));
			assertThat(outbox.messages).isEmpty();
		});
	}

	@Test
	void entityListenerMarksTheEntityAndNothingIsQueuedTwice() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> em.persist(new Partner("p-1", "Umbrella")));
			assertThat(outbox.messages).singleElement()
				.satisfies((message) -> assertThat(message.entityType()).isEqualTo("CUSTOMER"));
			outbox.clear();
			inTransaction(context, (em) -> em.find(Partner.class, "p-1").setNotes("unmapped"));
			assertThat(outbox.messages).isEmpty();
			inTransaction(context, (em) -> em.find(Partner.class, "p-1").setName("Umbrella Corp"));
			assertThat(outbox.messages).hasSize(1);
		});
	}

	@Test
	void managedEntityChangedWithoutSaveOrFlushIsQueuedBeforeTheOutboxWrites() {
		this.runner.run((context) -> {
			RecordingOutbox outbox = context.getBean(RecordingOutbox.class);
			inTransaction(context, (em) -> signUp(em));
			outbox.clear();
			inTransaction(context, (em) -> em.find(Account.class, "acme").setCompanyName("Acme Group"));
			assertThat(outbox.lost).isEmpty();
			assertThat(outbox.messages).singleElement()
				.satisfies((message) -> assertThat(message.payload()).contains("Acme Group"));
		});
	}

	static void signUp(EntityManager em) {
		Account acme = new Account("acme", "Acme Ltd");
		acme.setEmail("billing@acme.test");
		acme.setCountry("GB");
		em.persist(acme);
		Contact john = new Contact("c-john", acme, "John", "Doe", "john.doe@acme.test");
		john.setTitle("VP of Sales");
		em.persist(john);
		em.persist(new Subscription("sub-1", acme, john, "AI SDR - Pro", LocalDate.of(2025, 6, 1), "ai-sdr-pro"));
	}

	static void inTransaction(AssertableApplicationContext context, Consumer<EntityManager> work) {
		try {
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> work.accept(entityManager(context)));
		}
		finally {
			assertThat(context.getBean(RecordingOutbox.class).lost).as("messages the outbox never wrote").isEmpty();
		}
	}

	static EntityManager entityManager(AssertableApplicationContext context) {
		return EntityManagerFactoryUtils
			.getTransactionalEntityManager(context.getBean(EntityManagerFactory.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Account.class)
	static class SeedEntities {

		@Bean
		RecordingOutbox recordingOutbox() {
			return new RecordingOutbox();
		}

	}

}
