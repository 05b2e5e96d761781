package ai.paid.spring.aot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ai.paid.spring.client.Customer;
import ai.paid.spring.client.CustomerState;
import ai.paid.spring.client.OrderLinePricePoints;
import ai.paid.spring.client.Signal;
import ai.paid.spring.client.UpdateCustomerRequest;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Lead;
import ai.paid.spring.sync.fixtures.Partner;
import ai.paid.spring.sync.fixtures.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.javapoet.ClassName;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The runtime hints a native image needs for what the starter reads reflectively, as registered through
 * {@code META-INF/spring/aot.factories}.
 */
class PaidRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	PaidRuntimeHintsTests() {
		AotServices.factories().load(RuntimeHintsRegistrar.class).forEach((registrar) -> registrar
			.registerHints(this.hints, getClass().getClassLoader()));
	}

	@Test
	void clientRecordsAreBindable() {
		for (Class<?> type : List.of(Customer.class, CustomerState.class, CustomerState.OrderSummary.class,
				UpdateCustomerRequest.class, OrderLinePricePoints.class, Signal.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Customer.class, "name")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Customer.class.getDeclaredConstructors()[0]))
			.accepts(this.hints);
	}

	@Test
	void syncPayloadRecordsAreBindable() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PaidCustomerData.class, "externalId"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(PaidOrderData.class)).accepts(this.hints);
	}

	@Test
	void schemaScriptsAndTheClientVersionAreResources() {
		for (String database : List.of("postgresql", "mariadb", "mysql", "h2")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("ai/paid/spring/outbox/schema-" + database + ".sql"))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("ai/paid/spring/sync/schema-" + database + ".sql"))
				.accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.resource().forResource("ai/paid/spring/client/paid-client.properties"))
			.accepts(this.hints);
	}

	@Test
	void annotatedMembersOfSyncedEntitiesAreReadable() {
		RuntimeHints entityHints = entityHints(Account.class, Subscription.class, Partner.class, Lead.class);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Account.class, "companyName"))
			.accepts(entityHints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Subscription.class, "paidLines"))
			.accepts(entityHints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Subscription.class, "paidMetadata"))
			.accepts(entityHints);
		// marked with the entity listener instead of @PaidSync
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Partner.class, "name")).accepts(entityHints);
		// an entity Paid does not mirror gets nothing from the starter
		assertThat(RuntimeHintsPredicates.reflection().onType(Lead.class)).rejects(entityHints);
	}

	@Test
	void noSyncedEntitiesNoContribution() {
		assertThat(entityContribution(Lead.class)).isNull();
	}

	private RuntimeHints entityHints(Class<?>... entities) {
		BeanFactoryInitializationAotContribution contribution = entityContribution(entities);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, mock(BeanFactoryInitializationCode.class));
		return generation.getRuntimeHints();
	}

	private static BeanFactoryInitializationAotContribution entityContribution(Class<?>... entities) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("persistenceManagedTypes",
				PersistenceManagedTypes.of(Arrays.stream(entities).map(Class::getName).toArray(String[]::new)));
		return AotServices.factories()
			.load(BeanFactoryInitializationAotProcessor.class)
			.stream()
			.filter((processor) -> processor.getClass().getName().startsWith("ai.paid.spring."))
			.map((processor) -> processor.processAheadOfTime(beanFactory))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
