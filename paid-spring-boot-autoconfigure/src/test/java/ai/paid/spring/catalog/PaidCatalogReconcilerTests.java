package ai.paid.spring.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.paid.spring.actuate.PaidCatalogEndpoint;
import ai.paid.spring.actuate.PaidCatalogHealthIndicator;
import ai.paid.spring.autoconfigure.InvalidPaidConfigurationException;
import ai.paid.spring.autoconfigure.PaidCatalogAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.ProductAttributeUpsert;
import ai.paid.spring.client.ProductPricePoint;
import ai.paid.spring.client.ProductPricing;
import ai.paid.spring.client.UpdateProductRequest;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Products and pricing declared in properties or as beans, reconciled with the mock Paid server at startup.
 */
class PaidCatalogReconcilerTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private static final String[] SEED_PRODUCT = { "paid.catalog.products.ai-sdr-001.name=AI SDR",
			"paid.catalog.products.ai-sdr-001.prices[0].name=Platform fee",
			"paid.catalog.products.ai-sdr-001.prices[0].type=recurring-per-unit",
			"paid.catalog.products.ai-sdr-001.prices[0].unit-price=500",
			"paid.catalog.products.ai-sdr-001.prices[1].name=Usage pricing",
			"paid.catalog.products.ai-sdr-001.prices[1].type=usage-per-unit",
			"paid.catalog.products.ai-sdr-001.prices[1].event-name=email_sent",
			"paid.catalog.products.ai-sdr-001.prices[1].signal-type=activity",
			"paid.catalog.products.ai-sdr-001.prices[1].unit-price=0.10",
			"paid.catalog.products.ai-sdr-001.prices[2].name=Outcome pricing",
			"paid.catalog.products.ai-sdr-001.prices[2].type=usage-per-unit",
			"paid.catalog.products.ai-sdr-001.prices[2].event-name=meeting_booked",
			"paid.catalog.products.ai-sdr-001.prices[2].signal-type=outcome",
			"paid.catalog.products.ai-sdr-001.prices[2].unit-price=50" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				PaidClientAutoConfiguration.class, PaidCatalogAutoConfiguration.class));

	private ApplicationContextRunner withMock(String... properties) {
		MockPaidServer server = paid.server();
		return this.runner.withPropertyValues("paid.base-url=" + server.baseUrl(), "paid.api-key=" + server.apiKey(),
				"paid.retry.enabled=false")
			.withPropertyValues(properties);
	}

	private static String[] seedProduct(String... more) {
		List<String> all = new ArrayList<>(List.of(SEED_PRODUCT));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	@Test
	void seedProductIsCreatedFromPropertiesWithItsThreePrices() {
		MockPaidServer server = paid.server();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> {
			assertThat(context).hasNotFailed();
			CatalogReport report = context.getBean(PaidCatalogReconciler.class).lastReport();
			assertThat(report.products()).singleElement()
				.satisfies((state) -> assertThat(state.status()).isEqualTo(CatalogProductState.Status.CREATED));
		});
		assertThat(server.requests()).extracting((r) -> r.method() + " " + r.relativePath())
			.containsExactly("GET /products/external/ai-sdr-001", "POST /products/",
					"PUT /products/external/ai-sdr-001");
		assertThat(server.requests("POST", "/products").get(0).jsonBody().has("productAttributes")).isFalse();
		Map<String, Object> product = server.productByExternalId("ai-sdr-001").orElseThrow();
		assertThat(product).containsEntry("name", "AI SDR").containsEntry("active", true);
		List<Map<String, Object>> attributes = attributes(product);
		assertThat(attributes).extracting((a) -> a.get("name"))
			.containsExactly("Platform fee", "Usage pricing", "Outcome pricing");
		assertThat(pricing(attributes.get(0))).containsEntry("pricingType", "RecurringPerUnit")
			.containsEntry("billingFrequency", "Monthly")
			.containsEntry("billingType", "Advance")
			.containsEntry("pricePoints", List.of(Map.of("currency", "USD", "unitPrice", 500)));
		assertThat(pricing(attributes.get(1))).containsEntry("pricingType", "UsagePerUnit")
			.containsEntry("eventName", "email_sent")
			.containsEntry("signalType", "activity")
			.containsEntry("billingFrequency", "Monthly")
			.containsEntry("billingType", "Arrears")
			.containsEntry("pricePoints", List.of(Map.of("currency", "USD", "unitPrice", 0.10)));
		assertThat(pricing(attributes.get(2))).containsEntry("eventName", "meeting_booked")
			.containsEntry("signalType", "outcome")
			.containsEntry("pricePoints", List.of(Map.of("currency", "USD", "unitPrice", 50)));
	}

	@Test
	void secondStartSendsNoWriteRequestAtAll() {
		MockPaidServer server = paid.server();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> {
			CatalogProductState state = context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0);
			assertThat(state.status()).isEqualTo(CatalogProductState.Status.IN_SYNC);
		});
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
		assertThat(attributes(server.productByExternalId("ai-sdr-001").orElseThrow())).hasSize(3);
	}

	@Test
	void pricingEchoedInAnotherCasingIsStillInSync() {
		MockPaidServer server = paid.server().productPricingEnumsLowerCase(true);
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		assertThat(pricing(attributes(server.productByExternalId("ai-sdr-001").orElseThrow()).get(0)))
			.containsEntry("billingFrequency", "monthly");
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	void priceChangedInPropertiesIsReportedInVerifyModeWithoutWriting() {
		MockPaidServer server = paid.server();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		server.clearRequests();
		withMock(seedProduct("paid.catalog.products.ai-sdr-001.prices[1].unit-price=0.20")).run((context) -> {
			CatalogProductState state = context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0);
			assertThat(state.status()).isEqualTo(CatalogProductState.Status.DRIFT);
			assertThat(state.differences()).containsExactly("price 'Usage pricing': USD price 0.1 in Paid, 0.20 declared");
			Health health = context.getBean(PaidCatalogHealthIndicator.class).health(true);
			assertThat(health.getDetails()).containsEntry("drift", List.of("ai-sdr-001"))
				.containsEntry("degraded", true)
				.containsEntry("mode", "verify");
		});
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
		assertThat(pricing(attributes(server.productByExternalId("ai-sdr-001").orElseThrow()).get(1)))
			.containsEntry("pricePoints", List.of(Map.of("currency", "USD", "unitPrice", 0.10)));
	}

	@Test
	void priceChangedInPropertiesIsAppliedThroughTheAttributeIdReadFromPaid() {
		MockPaidServer server = paid.server();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		List<Map<String, Object>> before = attributes(server.productByExternalId("ai-sdr-001").orElseThrow());
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply", "paid.catalog.products.ai-sdr-001.prices[1].unit-price=0.20"))
			.run((context) -> assertThat(context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0)
				.status()).isEqualTo(CatalogProductState.Status.UPDATED));
		List<RecordedRequest> puts = server.requests("PUT", "/products");
		assertThat(puts).hasSize(1);
		assertThat(puts.get(0).jsonBody().get("productAttributes")).hasSize(1);
		assertThat(puts.get(0).jsonBody().get("productAttributes").get(0).get("productAttributeId").asString())
			.isEqualTo(before.get(1).get("productAttributeId"));
		assertThat(puts.get(0).jsonBody().has("name")).isFalse();
		List<Map<String, Object>> after = attributes(server.productByExternalId("ai-sdr-001").orElseThrow());
		assertThat(after).hasSize(3);
		assertThat(pricing(after.get(1))).containsEntry("pricePoints",
				List.of(Map.of("currency", "USD", "unitPrice", 0.20)));
		assertThat(after.get(0)).isEqualTo(before.get(0));
	}

	@Test
	void productInPaidThatIsNotDeclaredIsLeftUntouched() {
		MockPaidServer server = paid.server();
		server.seedProduct("Legacy agent", "legacy-agent");
		withMock("paid.base-url=" + server.baseUrl()).run((context) -> {
			PaidClient client = context.getBean(PaidClient.class);
			client.blocking()
				.updateProductByExternalId("legacy-agent", new UpdateProductRequest(null, null, null, null, null,
						null, List.of(new ProductAttributeUpsert(null, "Seat", true,
								new ProductPricing("SeatBasedPerUnit", null, null, "Monthly", null, null, null,
										List.of(new ProductPricePoint("USD", new java.math.BigDecimal("30"))))))));
		});
		Map<String, Object> legacy = server.productByExternalId("legacy-agent").orElseThrow();
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		assertThat(server.requests()).noneMatch((request) -> request.relativePath().contains("legacy-agent"));
		assertThat(server.productByExternalId("legacy-agent").orElseThrow()).isEqualTo(legacy);
	}

	@Test
	void missingProductIsReportedInVerifyModeAndNothingIsCreated() {
		MockPaidServer server = paid.server();
		withMock(SEED_PRODUCT).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0).status())
				.isEqualTo(CatalogProductState.Status.MISSING);
		});
		assertThat(server.products()).isEmpty();
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	void driftFailsTheStartWhenAskedTo() {
		withMock(seedProduct("paid.catalog.fail-on-drift=true")).run((context) -> assertThat(context)
			.getFailure()
			.isInstanceOf(CatalogDriftException.class)
			.hasMessageContaining("'ai-sdr-001' is missing in Paid")
			.hasMessageContaining("paid.catalog.mode=apply"));
	}

	@Test
	void offModeSendsNothing() {
		withMock(seedProduct("paid.catalog.mode=off")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PaidCatalogReconciler.class).lastReport()).isNull();
		});
		assertThat(paid.server().requests()).isEmpty();
	}

	@Test
	void unreachablePaidIsReportedAndDoesNotStopTheStart() {
		paid.server().failFor(java.time.Duration.ofMinutes(1), 503);
		withMock(seedProduct("paid.catalog.mode=apply", "paid.catalog.fail-on-drift=true")).run((context) -> {
			assertThat(context).hasNotFailed();
			CatalogProductState state = context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0);
			assertThat(state.status()).isEqualTo(CatalogProductState.Status.FAILED);
			assertThat(state.error()).contains("503");
		});
	}

	@Test
	void productDefinitionBeanIsReconciledLikeProperties() {
		MockPaidServer server = paid.server();
		withMock("paid.catalog.mode=apply")
			.withBean(PaidProductDefinition.class,
					() -> PaidProductDefinition.builder("ai-sdr-001")
						.name("AI SDR")
						.recurring("Platform fee", "USD", 500)
						.usage("Usage pricing", "email_sent", "USD", 0.10)
						.outcome("Outcome pricing", "meeting_booked", "USD", 50)
						.build())
			.run((context) -> assertThat(context).hasNotFailed());
		Map<String, Object> fromBean = server.productByExternalId("ai-sdr-001").orElseThrow();
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> assertThat(context).hasNotFailed());
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
		assertThat(attributes(fromBean)).hasSize(3);
	}

	@Test
	void minorUnitsAreSentAsCentsAndReadBack() {
		MockPaidServer server = paid.server();
		withMock(seedProduct("paid.catalog.mode=apply", "paid.catalog.unit-price-unit=minor"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(pricing(attributes(server.productByExternalId("ai-sdr-001").orElseThrow()).get(1)))
			.containsEntry("pricePoints", List.of(Map.of("currency", "USD", "unitPrice", 10)));
		server.clearRequests();
		withMock(seedProduct("paid.catalog.unit-price-unit=minor", "paid.catalog.fail-on-drift=true"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	void signalTypeCanBeLeftOutForAPaidOnTheOlderSchema() {
		MockPaidServer server = paid.server().productSignalTypeAccepted(false);
		withMock(seedProduct("paid.catalog.mode=apply")).run((context) -> {
			CatalogProductState state = context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0);
			assertThat(state.status()).isEqualTo(CatalogProductState.Status.FAILED);
			assertThat(state.error()).contains("has no field 'signalType'");
		});
		withMock(seedProduct("paid.catalog.mode=apply", "paid.catalog.send-signal-type=false"))
			.run((context) -> assertThat(context.getBean(PaidCatalogReconciler.class).lastReport().products().get(0)
				.status()).isEqualTo(CatalogProductState.Status.UPDATED));
		assertThat(attributes(server.productByExternalId("ai-sdr-001").orElseThrow()))
			.extracting((attribute) -> pricing(attribute).containsKey("signalType"))
			.containsExactly(false, false, false);
		server.clearRequests();
		withMock(seedProduct("paid.catalog.mode=apply", "paid.catalog.send-signal-type=false"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("GET");
	}

	@Test
	void usagePriceWithoutEventNameFailsTheStartNamingTheProperty() {
		withMock("paid.catalog.products.ai-sdr-001.name=AI SDR",
				"paid.catalog.products.ai-sdr-001.prices[0].name=Usage pricing",
				"paid.catalog.products.ai-sdr-001.prices[0].type=usage-per-unit",
				"paid.catalog.products.ai-sdr-001.prices[0].unit-price=0.10")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("needs the event name")
				.extracting((ex) -> ((InvalidPaidConfigurationException) ex).getProperty())
				.isEqualTo("paid.catalog.products.ai-sdr-001.prices[0]"));
	}

	@Test
	void mockRejectsMalformedPricingWithPaidsErrorShape() {
		MockPaidServer server = paid.server();
		server.seedProduct("AI SDR", "ai-sdr-001");
		withMock().run((context) -> {
			PaidClient client = context.getBean(PaidClient.class);
			UpdateProductRequest noEventName = new UpdateProductRequest(null, null, null, null, null, null,
					List.of(new ProductAttributeUpsert(null, "Usage pricing", true, new ProductPricing("UsagePerUnit",
							null, null, "Monthly", null, "Arrears", null,
							List.of(new ProductPricePoint("USD", java.math.BigDecimal.ONE))))));
			assertThatExceptionOfType(PaidApiException.class)
				.isThrownBy(() -> client.blocking().updateProductByExternalId("ai-sdr-001", noEventName))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(400);
					assertThat(ex.getCode()).isEqualTo("MISSING_REQUIRED_FIELD");
					assertThat(ex.getDetails())
						.isEqualTo("UpdateProductRequest.productAttributes[0].pricing.eventName is required");
				});
			UpdateProductRequest lowerCaseFrequency = new UpdateProductRequest(null, null, null, null, null, null,
					List.of(new ProductAttributeUpsert(null, "Platform fee", true, new ProductPricing(
							"RecurringPerUnit", null, null, "monthly", null, null, null,
							List.of(new ProductPricePoint("USD", java.math.BigDecimal.TEN))))));
			assertThatExceptionOfType(PaidApiException.class)
				.isThrownBy(() -> client.blocking().updateProductByExternalId("ai-sdr-001", lowerCaseFrequency))
				.satisfies((ex) -> assertThat(ex.getDetails()).contains("billingFrequency must be one of"));
		});
		assertThat(attributes(server.productByExternalId("ai-sdr-001").orElseThrow())).isEmpty();
	}

	@Test
	void endpointShowsTheCatalogAndRefusesToApplyUnlessOptedIn() {
		withMock(SEED_PRODUCT).withPropertyValues("management.endpoints.web.exposure.include=paidcatalog")
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class))
			.run((context) -> {
				PaidCatalogEndpoint endpoint = context.getBean(PaidCatalogEndpoint.class);
				PaidCatalogEndpoint.ProductDescriptor product = endpoint.catalog().products().get(0);
				assertThat(product.status()).isEqualTo("MISSING");
				assertThat(product.prices()).extracting(PaidCatalogEndpoint.PriceDescriptor::prices)
					.containsExactly(Map.of("USD", "500"), Map.of("USD", "0.10"), Map.of("USD", "50"));
				assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> endpoint.reconcile("apply"))
					.withMessageContaining("paid.catalog.mode=apply");
				assertThat(endpoint.reconcile(null).products().get(0).status()).isEqualTo("MISSING");
			});
		assertThat(paid.server().products()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> attributes(Map<String, Object> product) {
		return (List<Map<String, Object>>) product.get("productAttributes");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pricing(Map<String, Object> attribute) {
		return (Map<String, Object>) attribute.get("pricing");
	}

}
