package ai.paid.spring.credits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidCreditsAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.client.CreditBalance;
import ai.paid.spring.client.CreditBalanceList;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.signal.PaidSignals;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Credit balances read through the client and through {@link PaidCredits}' cache, against the mock Paid server.
 */
class PaidCreditsTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private MockPaidServer server;

	private PaidClient client;

	private String acmeId;

	@BeforeEach
	void seed() {
		this.server = paid.server();
		this.client = WebClientPaidClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(this.server.apiKey())
			.build();
		this.acmeId = (String) this.server.seedCustomer("Acme", "acme").get("id");
		this.server.seedCreditBalance("acme", "credits", 40, 100);
	}

	@Test
	void clientReadsBalancesByPaidIdAndByExternalId() {
		CreditBalanceList byExternalId = this.client.blocking().getCreditBalancesByExternalId("acme");
		assertThat(byExternalId.balances()).singleElement().satisfies((balance) -> {
			assertThat(balance.currencyKey()).isEqualTo("credits");
			assertThat(balance.available()).isEqualByComparingTo("40");
			assertThat(balance.used()).isEqualByComparingTo("60");
			assertThat(balance.total()).isEqualByComparingTo("100");
			assertThat(balance.grants()).singleElement()
				.satisfies((grant) -> assertThat(grant.isInRolloverWindow()).isFalse());
		});
		assertThat(this.client.blocking().getCreditBalances(this.acmeId)).isEqualTo(byExternalId);
		assertThat(this.server.requests("GET", "/customers/external/acme/credits/balances")).hasSize(1);
		assertThatExceptionOfType(PaidApiException.class)
			.isThrownBy(() -> this.client.blocking().getCreditBalancesByExternalId("nobody"))
			.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue());
	}

	@Test
	void balancesAreReusedUntilTheCacheExpires() {
		MutableClock clock = new MutableClock();
		PaidCredits credits = new PaidCredits(this.client, Duration.ofSeconds(10), clock);
		assertThat(credits.hasCredits("acme")).isTrue();
		this.server.seedCreditBalance("acme", "credits", 0, 100);
		clock.advance(Duration.ofSeconds(9));
		assertThat(credits.hasCredits("acme")).isTrue();
		assertThat(requests()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(2));
		assertThat(credits.hasCredits("acme")).isFalse();
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void evictingACustomerAsksPaidAgain() {
		PaidCredits credits = new PaidCredits(this.client, Duration.ofMinutes(10));
		assertThat(credits.balances("acme")).extracting(CreditBalance::available)
			.singleElement()
			.satisfies((available) -> assertThat(available).isEqualByComparingTo(BigDecimal.valueOf(40)));
		this.server.seedCreditBalance("acme", "credits", 0, 100);
		credits.evict("other");
		assertThat(credits.hasCredits("acme")).isTrue();
		credits.evict("acme");
		assertThat(credits.hasCredits("acme")).isFalse();
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void aCreditsDepletedWebhookDropsThatCustomersCachedBalances() {
		PaidCredits credits = new PaidCredits(this.client, Duration.ofMinutes(10));
		CreditsDepletedEviction eviction = new CreditsDepletedEviction(credits);
		assertThat(credits.hasCredits("acme")).isTrue();
		this.server.seedCreditBalance("acme", "credits", 0, 100);
		eviction.creditsDepleted(depleted("{\"externalCustomerId\": \"other\"}"));
		assertThat(credits.hasCredits("acme")).isTrue();
		eviction.creditsDepleted(depleted("{\"externalCustomerId\": \"acme\"}"));
		assertThat(credits.hasCredits("acme")).isFalse();
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void aCreditsDepletedWebhookNamingNoCustomerDropsEveryCachedBalance() {
		PaidCredits credits = new PaidCredits(this.client, Duration.ofMinutes(10));
		assertThat(credits.hasCredits("acme")).isTrue();
		this.server.seedCreditBalance("acme", "credits", 0, 100);
		new CreditsDepletedEviction(credits).creditsDepleted(depleted("{\"remaining\": 0}"));
		assertThat(credits.hasCredits("acme")).isFalse();
	}

	private static ai.paid.spring.webhook.PaidCreditsDepletedEvent depleted(String creditsJson) {
		tools.jackson.databind.JsonNode data = tools.jackson.databind.json.JsonMapper.shared()
			.readTree("{\"credits\": " + creditsJson + "}");
		return new ai.paid.spring.webhook.PaidCreditsDepletedEvent(new ai.paid.spring.webhook.PaidWebhookDelivery(1,
				"billing-credits-depleted:x", "billing-credits-depleted", null, false, data, 1));
	}

	@Test
	void creditsAreCheckedPerCurrencyAndAnUnknownCustomerHasNone() {
		this.server.seedCreditBalance("acme", "tokens", 0, 50);
		PaidCredits credits = new PaidCredits(this.client, Duration.ZERO);
		assertThat(credits.hasCredits("acme", "credits")).isTrue();
		assertThat(credits.hasCredits("acme", "cc_credits")).isTrue();
		assertThat(credits.hasCredits("acme", "tokens")).isFalse();
		assertThat(credits.hasCreditsById(this.acmeId)).isTrue();
		assertThat(credits.hasCredits("nobody")).isFalse();
		// a zero time to live asks Paid every time
		assertThat(requests()).isEqualTo(5);
	}

	@Test
	void signalsOfACustomerSentToPaidDropItsCachedBalances() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class,
					PaidSignalsAutoConfiguration.class, PaidCreditsAutoConfiguration.class))
			.withPropertyValues("paid.base-url=" + this.server.baseUrl(), "paid.api-key=" + this.server.apiKey(),
					"paid.signals.flush-interval=10ms", "paid.credits.cache-ttl=10m")
			.run((context) -> {
				PaidCredits credits = context.getBean(PaidCredits.class);
				assertThat(credits.hasCredits("acme")).isTrue();
				assertThat(credits.hasCredits("acme")).isTrue();
				assertThat(requests()).isEqualTo(1);
				this.server.seedCreditBalance("acme", "credits", 0, 100);
				context.getBean(PaidSignals.class).emit("email_sent").customer("acme").send();
				await().until(() -> this.server.signals().size() == 1);
				await().untilAsserted(() -> assertThat(credits.hasCredits("acme")).isFalse());
				assertThat(requests()).isEqualTo(2);
			});
	}

	@Test
	void negativeCacheTtlFailsTheStartNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class,
					PaidCreditsAutoConfiguration.class))
			.withPropertyValues("paid.api-key=test", "paid.credits.cache-ttl=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("paid.credits.cache-ttl"));
	}

	private int requests() {
		return this.server.requests("GET", "/customers/").size();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-02T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
