package ai.paid.spring.autoconfigure;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.PaidSyncMappingException;
import ai.paid.spring.sync.invalid.fields.SloppyCustomer;
import ai.paid.spring.sync.invalid.nocustomer.LonelyContact;
import ai.paid.spring.sync.invalid.startdate.TextDateOrder;
import ai.paid.spring.sync.invalid.unsynced.RegionalContact;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class PaidSyncMappingFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
				PaidSyncAutoConfiguration.class))
		.withBean(PaidOutbox.class, () -> (OutboxMessage message) -> {
		});

	@Test
	void orderDateHeldAsTextFailsTheStartNamingEntityAndField() {
		assertProblem(TextDateOrder.class, "TextDateOrder.startDate is String, but Paid order field 'startDate' "
				+ "needs a LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant or java.util.Date");
	}

	@Test
	void contactWithoutCustomerFailsTheStart() {
		assertProblem(LonelyContact.class, "LonelyContact (a Paid contact) has no customer: mark a relation to a "
				+ "@PaidSync customer entity, or a member holding the customer's external id, with @PaidCustomer");
	}

	@Test
	void unknownFieldAndMetadataThatIsNotAMapFailTheStartTogether() {
		assertProblem(SloppyCustomer.class, "SloppyCustomer.name: 'nmae' is not a field of a Paid customer");
		assertProblem(SloppyCustomer.class,
				"SloppyCustomer.metadata is String, but Paid customer field 'metadata' needs a java.util.Map");
	}

	@Test
	void customerRelationToAnUnsyncedEntityFailsTheStart() {
		assertProblem(RegionalContact.class,
				"RegionalContact.region refers to Region, which is not a @PaidSync customer entity");
	}

	@Test
	void failureAnalysisListsTheProblemsAndTheFix() {
		scanning(TextDateOrder.class).run((context) -> {
				FailureAnalysis analysis = new PaidSyncMappingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("TextDateOrder.startDate is String");
				assertThat(analysis.getAction()).contains("PaidMapper");
			});
	}

	private ApplicationContextRunner scanning(Class<?> entity) {
		return this.runner.withInitializer((context) -> EntityScanPackages
			.register((BeanDefinitionRegistry) context.getBeanFactory(), entity.getPackageName()));
	}

	private void assertProblem(Class<?> entity, String problem) {
		scanning(entity).run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof PaidSyncMappingException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(PaidSyncMappingException.class);
				assertThat(((PaidSyncMappingException) failure).getProblems()).anySatisfy(
						(line) -> assertThat(line).startsWith(problem));
			});
	}

}
