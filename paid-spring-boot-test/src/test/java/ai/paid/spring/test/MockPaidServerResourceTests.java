package ai.paid.spring.test;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the mock's contact, order, product and signal routes, over real HTTP.
 */
@ExtendWith(MockPaidServerExtension.class)
class MockPaidServerResourceTests {

	private PaidHttp http;

	private String customerId;

	@BeforeEach
	void customer(MockPaidServer paid) {
		this.http = new PaidHttp(paid);
		this.customerId = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}").text("id");
	}

	@Test
	void contactCrudByIdAndExternalId() {
		PaidHttp.Response created = this.http.post("/contacts/", "{\"customerId\":\"" + this.customerId
				+ "\",\"email\":\"ann@acme.test\",\"firstName\":\"Ann\",\"externalId\":\"c-1\",\"roles\":[\"BILLING\"],"
				+ "\"billingAddress\":{\"street\":\"1 Main St\",\"zipCode\":\"12345\"}}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(id).startsWith("con_");
		assertThat(created.text("lastName")).isEmpty();
		assertThat(created.json().get("roles").get(0).asString()).isEqualTo("BILLING");
		assertThat(this.http.get("/contacts/" + id).text("email")).isEqualTo("ann@acme.test");
		assertThat(this.http.get("/contacts/external/c-1").text("id")).isEqualTo(id);
		assertThat(this.http.put("/contacts/external/c-1", "{\"lastName\":\"Lee\"}").text("lastName")).isEqualTo("Lee");
		assertThat(this.http.put("/contacts/" + id, "{\"phone\":null}").status()).isEqualTo(200);
		assertThat(this.http.get("/contacts").json().get("data")).hasSize(1);
		assertThat(this.http.delete("/contacts/external/c-1").status()).isEqualTo(200);
		assertThat(this.http.get("/contacts/" + id).status()).isEqualTo(404);
		assertThat(this.http.delete("/contacts/" + id).status()).isEqualTo(404);
	}

	@Test
	void contactRequiresCustomerIdAndEmail() {
		assertThat(this.http.post("/contacts/", "{\"email\":\"a@b.test\"}").text("details"))
			.contains("CreateContactRequest.customerId");
		assertThat(this.http.post("/contacts/", "{\"customerId\":\"" + this.customerId + "\"}").text("details"))
			.contains("CreateContactRequest.email");
	}

	@Test
	void contactRequiresAnExistingCustomer() {
		PaidHttp.Response response = this.http.post("/contacts/",
				"{\"customerId\":\"cus_missing\",\"email\":\"a@b.test\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("CUSTOMER_NOT_FOUND");
		assertThat(this.http.post("/contacts/", "{\"customerId\":\"acme-1\",\"email\":\"a@b.test\"}").status())
			.as("an external id is not a customer id").isEqualTo(400);
	}

	@Test
	void contactRejectsCustomerAddressKeysAndUnknownRoles() {
		assertThat(this.http.post("/contacts/", "{\"customerId\":\"" + this.customerId
				+ "\",\"email\":\"a@b.test\",\"billingAddress\":{\"line1\":\"x\"}}").status()).isEqualTo(400);
		assertThat(this.http.post("/contacts/",
				"{\"customerId\":\"" + this.customerId + "\",\"email\":\"a@b.test\",\"roles\":[\"billing\"]}")
			.status()).isEqualTo(400);
	}

	@Test
	void contactDuplicateExternalIdFollowsTheSwitch(MockPaidServer paid) {
		String body = "{\"customerId\":\"" + this.customerId + "\",\"email\":\"a@b.test\",\"externalId\":\"c-1\"}";
		this.http.post("/contacts/", body);
		assertThat(this.http.post("/contacts/", body).status()).isEqualTo(400);
		paid.duplicateExternalIdBehavior(DuplicateExternalIdBehavior.CONFLICT_409);
		assertThat(this.http.post("/contacts/", body).status()).isEqualTo(409);
		paid.duplicateExternalIdBehavior(DuplicateExternalIdBehavior.RETURN_EXISTING);
		assertThat(this.http.post("/contacts/", body).status()).isEqualTo(200);
		assertThat(paid.contacts()).hasSize(1);
	}

	@Test
	void orderCreateWithLinesOmitsExternalIdAndCurrency(MockPaidServer paid) {
		Map<String, Object> product = paid.seedProduct("Agent", "agent-1");
		PaidHttp.Response created = this.http.post("/orders/", "{\"customerId\":\"" + this.customerId
				+ "\",\"name\":\"Pro\",\"externalId\":\"o-1\",\"currency\":\"EUR\",\"startDate\":\"2026-01-01T00:00:00Z\","
				+ "\"lines\":[{\"productId\":\"" + product.get("id") + "\",\"name\":\"Agent line\",\"attributes\":"
				+ "[{\"name\":\"calls\",\"pricing\":{\"chargeType\":\"usage\",\"eventName\":\"call\","
				+ "\"pricingModel\":\"perUnit\",\"pricePoints\":{\"currency\":\"EUR\",\"unitPrice\":0.5}}}]}]}");
		assertThat(created.status()).isEqualTo(201);
		String id = created.text("id");
		assertThat(id).startsWith("ord_");
		assertThat(created.json().has("externalId")).isFalse();
		assertThat(created.json().has("currency")).isFalse();
		assertThat(created.json().has("lines")).isFalse();
		assertThat(created.text("creationState")).isEqualTo("draft");
		assertThat(created.json().get("version").asInt()).isEqualTo(1);
		assertThat(this.http.get("/orders/" + id).json().has("externalId")).isFalse();
		PaidHttp.Response lines = this.http.get("/orders/" + id + "/lines");
		assertThat(lines.json().get("data")).hasSize(1);
		assertThat(lines.json().get("data").get(0).get("productId").asString()).isEqualTo(product.get("id"));
		assertThat(lines.json().get("data").get(0).get("startDate").asString()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(paid.orders()).singleElement().satisfies((order) -> {
			assertThat(order).containsEntry("externalId", "o-1");
			assertThat(order).containsEntry("currency", "EUR");
		});
		assertThat(paid.ordersByExternalId("o-1")).hasSize(1);
	}

	@Test
	void orderUpdateBumpsVersionAndDeleteRemovesIt() {
		String id = this.http.post("/orders/", "{\"customerId\":\"" + this.customerId + "\"}").text("id");
		PaidHttp.Response updated = this.http.put("/orders/" + id, "{\"creationState\":\"active\",\"name\":\"Pro\"}");
		assertThat(updated.text("creationState")).isEqualTo("active");
		assertThat(updated.json().get("version").asInt()).isEqualTo(2);
		assertThat(this.http.put("/orders/" + id, "{\"lines\":[]}").text("code"))
			.as("lines cannot be updated").isEqualTo("UNKNOWN_FIELD");
		assertThat(this.http.get("/orders/").json().get("data")).hasSize(1);
		assertThat(this.http.delete("/orders/" + id).status()).isEqualTo(200);
		assertThat(this.http.get("/orders/" + id).status()).isEqualTo(404);
		assertThat(this.http.get("/orders/" + id + "/lines").status()).isEqualTo(404);
	}

	@Test
	void orderRequiresAnExistingCustomerAndValidLines() {
		assertThat(this.http.post("/orders/", "{\"name\":\"x\"}").text("details"))
			.contains("CreateOrderRequest.customerId");
		assertThat(this.http.post("/orders/", "{\"customerId\":\"cus_missing\"}").text("code"))
			.isEqualTo("CUSTOMER_NOT_FOUND");
		assertThat(this.http.post("/orders/", "{\"customerId\":\"" + this.customerId + "\",\"lines\":[{}]}")
			.text("details")).contains("lines[0].productId");
		assertThat(this.http.post("/orders/", "{\"customerId\":\"" + this.customerId + "\",\"startDate\":\"2026-01-01T00:00:00\"}")
			.text("details")).as("a date-time needs a zone").contains("startDate");
	}

	@Test
	void ordersMayShareAnExternalId(MockPaidServer paid) {
		String body = "{\"customerId\":\"" + this.customerId + "\",\"externalId\":\"o-1\"}";
		assertThat(this.http.post("/orders/", body).status()).isEqualTo(201);
		assertThat(this.http.post("/orders/", body).status()).isEqualTo(201);
		assertThat(paid.ordersByExternalId("o-1")).hasSize(2);
	}

	@Test
	void productsAreServedByIdAndExternalId(MockPaidServer paid) {
		String id = (String) paid.seedProduct("Agent", "agent-1").get("id");
		assertThat(id).startsWith("prod_");
		assertThat(this.http.get("/products/" + id).text("name")).isEqualTo("Agent");
		assertThat(this.http.get("/products/external/agent-1").text("id")).isEqualTo(id);
		assertThat(this.http.get("/products/external/nope").status()).isEqualTo(404);
		assertThat(this.http.post("/products/", "{\"name\":\"Other\"}").status()).isEqualTo(201);
		assertThat(this.http.get("/products/").json().get("data")).hasSize(2);
	}

	@Test
	void productCreateAnswersWithoutAttributesAndUpdatesUpsertThemByIdKeepingTheOthers(MockPaidServer paid) {
		PaidHttp.Response created = this.http.post("/products/", "{\"name\":\"AI SDR\",\"externalId\":\"ai-sdr\"}");
		assertThat(created.json().has("productAttributes")).isFalse();
		String fee = "{\"name\":\"Platform fee\",\"pricing\":{\"pricingType\":\"RecurringPerUnit\","
				+ "\"billingFrequency\":\"Monthly\",\"billingType\":\"Advance\","
				+ "\"pricePoints\":[{\"currency\":\"USD\",\"unitPrice\":500}]}}";
		String usage = "{\"name\":\"Usage\",\"pricing\":{\"pricingType\":\"UsagePerUnit\",\"eventName\":\"email_sent\","
				+ "\"signalType\":\"activity\",\"pricePoints\":[{\"currency\":\"USD\",\"unitPrice\":0.1}]}}";
		PaidHttp.Response detail = this.http.put("/products/external/ai-sdr",
				"{\"productAttributes\":[" + fee + "," + usage + "]}");
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.json().get("productAttributes")).hasSize(2);
		assertThat(detail.json().get("productAttributes").get(0).get("pricing").get("chargeType").asString())
			.isEqualTo("recurring");
		assertThat(detail.json().get("productAttributes").get(1).get("pricing").get("pricingModel").asString())
			.isEqualTo("perUnit");
		String feeId = detail.json().get("productAttributes").get(0).get("productAttributeId").asString();
		String cheaper = fee.replace("500", "400").replace("{\"name\"", "{\"productAttributeId\":\"" + feeId + "\",\"name\"");
		PaidHttp.Response updated = this.http.put("/products/external/ai-sdr", "{\"productAttributes\":[" + cheaper + "]}");
		assertThat(updated.json().get("productAttributes")).hasSize(2);
		assertThat(updated.json().get("productAttributes").get(0).get("pricing").get("pricePoints").get(0).get("unitPrice")
			.asInt()).isEqualTo(400);
		// without its id, an attribute is created anew (ID_ONLY), unless the mock matches by name
		assertThat(this.http.put("/products/external/ai-sdr", "{\"productAttributes\":[" + fee + "]}")
			.json().get("productAttributes")).hasSize(3);
		paid.productAttributeMatching(ProductAttributeMatching.ID_OR_NAME);
		assertThat(this.http.put("/products/external/ai-sdr", "{\"productAttributes\":[" + usage + "]}")
			.json().get("productAttributes")).hasSize(3);
		PaidHttp.Response unknownId = this.http.put("/products/external/ai-sdr",
				"{\"productAttributes\":[" + fee.replace("{\"name\"", "{\"productAttributeId\":\"attr_nope\",\"name\"") + "]}");
		assertThat(unknownId.status()).isEqualTo(400);
		PaidHttp.Response chargeType = this.http.put("/products/external/ai-sdr",
				"{\"productAttributes\":[" + fee.replace("\"pricingType\"", "\"chargeType\":\"recurring\",\"pricingType\"") + "]}");
		assertThat(chargeType.status()).isEqualTo(400);
		assertThat(chargeType.text("code")).isEqualTo("UNKNOWN_FIELD");
		assertThat(this.http.put("/products/external/ai-sdr", "{\"productAttributes\":[{\"name\":\"X\",\"pricing\":"
				+ "{\"pricingType\":\"Bogus\"}}]}").text("details")).contains("pricingType must be one of");
	}

	@Test
	void customerUsersAreUpsertedUnderTheirCustomersExternalId(MockPaidServer paid) {
		PaidHttp.Response created = this.http.put("/customers/acme-1/users/usr_jane", "{\"name\":\"Jane\"}");
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.json().get("created").asBoolean()).isTrue();
		assertThat(created.text("status")).isEqualTo("active");
		assertThat(created.json().get("email").isNull()).isTrue();
		PaidHttp.Response updated = this.http.put("/customers/acme-1/users/usr_jane", "{\"status\":\"deactivated\"}");
		assertThat(updated.json().get("created").asBoolean()).isFalse();
		assertThat(updated.text("name")).isEqualTo("Jane");
		assertThat(paid.customerUser("acme-1", "usr_jane").orElseThrow()).containsEntry("status", "deactivated");
		assertThat(this.http.put("/customers/nobody/users/usr_jane", "{}").status()).isEqualTo(404);
		assertThat(this.http.put("/customers/acme-1/users/usr_jane", "{\"status\":\"gone\"}").status()).isEqualTo(400);
	}

	@Test
	void creditBalancesAreServedByIdAndExternalIdWithoutPagination(MockPaidServer paid) {
		assertThat(this.http.get("/customers/external/acme-1/credits/balances").json().toString())
			.isEqualTo("{\"data\":[]}");
		paid.seedCreditBalance("acme-1", "credits", 40, 100);
		PaidHttp.Response balances = this.http.get("/customers/" + this.customerId + "/credits/balances");
		assertThat(balances.json().get("data").get(0).get("available").asDouble()).isEqualTo(40);
		assertThat(balances.json().has("pagination")).isFalse();
		assertThat(this.http.get("/customers/external/acme-1/state").json().get("credits").get("balances")).hasSize(1);
		assertThat(this.http.get("/customers/external/nobody/credits/balances").status()).isEqualTo(404);
	}

	@Test
	void signalsAreDedupedByIdempotencyKey(MockPaidServer paid) {
		String signal = "{\"eventName\":\"call\",\"customer\":{\"externalCustomerId\":\"acme-1\"},"
				+ "\"attribution\":{\"externalProductId\":\"agent-1\"},\"data\":{\"quantity\":2},"
				+ "\"timestamp\":\"2026-01-01T00:00:00Z\",\"idempotencyKey\":\"k1\"}";
		PaidHttp.Response first = this.http.post("/signals/bulk", "{\"signals\":[" + signal + "," + signal
				+ ",{\"eventName\":\"call\",\"customer\":{\"customerId\":\"" + this.customerId + "\"}}]}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().toString()).isEqualTo("{\"ingested\":2,\"duplicates\":1,\"failed\":0}");
		PaidHttp.Response again = this.http.post("/signals/bulk", "{\"signals\":[" + signal + "]}");
		assertThat(again.json().toString()).isEqualTo("{\"ingested\":0,\"duplicates\":1,\"failed\":0}");
		assertThat(paid.signals()).hasSize(2);
		assertThat(paid.signals().get(0)).containsEntry("eventName", "call").containsEntry("idempotencyKey", "k1");
	}

	@Test
	void signalBatchWithAMalformedSignalIsRejectedWhole(MockPaidServer paid) {
		String good = "{\"eventName\":\"call\",\"customer\":{\"externalCustomerId\":\"acme-1\"}}";
		assertThat(this.http.post("/signals/bulk", "{}").text("details")).contains("signals");
		assertThat(this.http.post("/signals/bulk", "{\"signals\":[" + good + ",{\"customer\":{\"customerId\":\"x\"}}]}")
			.text("details")).contains("eventName");
		assertThat(this.http.post("/signals/bulk", "{\"signals\":[{\"eventName\":\"call\"}]}").text("details"))
			.contains("customer");
		assertThat(this.http.post("/signals/bulk",
				"{\"signals\":[{\"eventName\":\"call\",\"customer\":{\"customerId\":\"a\",\"externalCustomerId\":\"b\"}}]}")
			.text("details")).contains("exactly one");
		assertThat(this.http.post("/signals/bulk", "{\"signals\":[{\"eventName\":\"call\",\"customer\":{}}]}")
			.status()).isEqualTo(400);
		assertThat(this.http.post("/signals/bulk",
				"{\"signals\":[{\"event_name\":\"call\",\"customer\":{\"customerId\":\"a\"}}]}").text("code"))
			.isEqualTo("UNKNOWN_FIELD");
		assertThat(paid.signals()).isEmpty();
	}

	@Test
	void signalsForUnknownCustomersCanCountAsFailed(MockPaidServer paid) {
		paid.failSignalsForUnknownCustomers(true);
		PaidHttp.Response response = this.http.post("/signals/bulk",
				"{\"signals\":[{\"eventName\":\"call\",\"customer\":{\"externalCustomerId\":\"acme-1\"}},"
						+ "{\"eventName\":\"call\",\"customer\":{\"externalCustomerId\":\"nobody\"}}]}");
		assertThat(response.json().toString()).isEqualTo("{\"ingested\":1,\"duplicates\":0,\"failed\":1}");
	}

}
