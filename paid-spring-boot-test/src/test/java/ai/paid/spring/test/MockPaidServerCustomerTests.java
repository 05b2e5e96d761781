package ai.paid.spring.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the mock's customer routes, auth and wire checks, over real HTTP.
 */
class MockPaidServerCustomerTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension("sk_test_123");

	private PaidHttp http;

	@BeforeEach
	void client() {
		this.http = new PaidHttp(paid.server());
	}

	@Test
	void baseUrlEndsInApiV2() {
		assertThat(paid.server().baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v2");
	}

	@Test
	void requestWithoutKeyIsForbidden() {
		PaidHttp.Response response = this.http.withKey(null).get("/customers/");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text("error")).isNotBlank();
	}

	@Test
	void requestWithWrongKeyIsForbidden() {
		assertThat(this.http.withKey("sk_wrong").get("/customers/").status()).isEqualTo(403);
	}

	@Test
	void authFailureStatusCanBe401() {
		paid.server().authFailureStatus(401);
		assertThat(this.http.withKey("sk_wrong").get("/customers/").status()).isEqualTo(401);
	}

	@Test
	void createReturns201WithWireFieldsAndDefaults() {
		PaidHttp.Response response = this.http.post("/customers/",
				"{\"name\":\"Acme\",\"externalId\":\"acme-1\",\"billingAddress\":{\"line1\":\"1 Main St\",\"zipCode\":\"12345\"}}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("id")).startsWith("cus_");
		assertThat(response.text("name")).isEqualTo("Acme");
		assertThat(response.text("externalId")).isEqualTo("acme-1");
		assertThat(response.text("email")).isEmpty();
		assertThat(response.text("creationState")).isEqualTo("active");
		assertThat(response.text("defaultCurrency")).isEqualTo("USD");
		assertThat(response.json().get("billingAddress").get("zipCode").asString()).isEqualTo("12345");
		assertThat(response.json().has("createdAt")).isTrue();
		assertThat(paid.server().customers()).singleElement().extracting((c) -> c.get("name")).isEqualTo("Acme");
	}

	@Test
	void createAcceptsCollectionRouteWithAndWithoutTrailingSlash() {
		assertThat(this.http.post("/customers/", "{\"name\":\"A\"}").status()).isEqualTo(201);
		assertThat(this.http.post("/customers", "{\"name\":\"B\"}").status()).isEqualTo(201);
		assertThat(this.http.get("/customers").json().get("data")).hasSize(2);
	}

	@Test
	void itemRouteWithTrailingSlashIsNotFound() {
		String id = this.http.post("/customers/", "{\"name\":\"A\"}").text("id");
		assertThat(this.http.get("/customers/" + id + "/").status()).isEqualTo(404);
	}

	@Test
	void pathOutsideApiV2IsNotFound() {
		PaidHttp raw = new PaidHttp("http://127.0.0.1:" + paid.server().port(), "sk_test_123");
		assertThat(raw.get("/api/v1/customers").status()).isEqualTo(404);
	}

	@Test
	void getUpdateAndDeleteById() {
		String id = this.http.post("/customers/", "{\"name\":\"Acme\"}").text("id");
		assertThat(this.http.get("/customers/" + id).text("name")).isEqualTo("Acme");
		PaidHttp.Response updated = this.http.put("/customers/" + id,
				"{\"name\":\"Acme Inc\",\"externalId\":\"acme-2\",\"churnDate\":\"2026-01-01T00:00:00Z\"}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.text("name")).isEqualTo("Acme Inc");
		assertThat(updated.text("churnDate")).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(this.http.get("/customers/external/acme-2").text("id")).isEqualTo(id);
		PaidHttp.Response deleted = this.http.delete("/customers/" + id);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.raw().body()).isEqualTo("{}");
		assertThat(this.http.get("/customers/" + id).status()).isEqualTo(404);
		assertThat(this.http.get("/customers/external/acme-2").status()).isEqualTo(404);
	}

	@Test
	void getUpdateAndDeleteByExternalId() {
		String id = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}").text("id");
		assertThat(this.http.get("/customers/external/acme-1").text("id")).isEqualTo(id);
		assertThat(this.http.put("/customers/external/acme-1", "{\"email\":\"billing@acme.test\"}").text("email"))
			.isEqualTo("billing@acme.test");
		assertThat(this.http.delete("/customers/external/acme-1").status()).isEqualTo(200);
		assertThat(this.http.get("/customers/" + id).status()).isEqualTo(404);
	}

	@Test
	void updateCanClearNullableFields() {
		String id = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\",\"vatNumber\":\"X\"}")
			.text("id");
		PaidHttp.Response updated = this.http.put("/customers/" + id, "{\"externalId\":null,\"vatNumber\":null}");
		assertThat(updated.json().get("vatNumber").isNull()).isTrue();
		assertThat(this.http.get("/customers/external/acme-1").status()).isEqualTo(404);
	}

	@Test
	void unknownIdsAreNotFound() {
		PaidHttp.Response response = this.http.get("/customers/cus_missing");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.text("error")).isEqualTo("Not Found");
		assertThat(this.http.get("/customers/external/missing").status()).isEqualTo(404);
		assertThat(this.http.put("/customers/cus_missing", "{\"name\":\"x\"}").status()).isEqualTo(404);
		assertThat(this.http.delete("/customers/external/missing").status()).isEqualTo(404);
		assertThat(this.http.get("/customers/external/missing/state").status()).isEqualTo(404);
	}

	@Test
	void externalIdsWithReservedCharactersArePercentDecoded() {
		this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"tenant/1 a+b\"}");
		assertThat(this.http.get("/customers/external/tenant%2F1%20a+b").text("name")).isEqualTo("Acme");
	}

	@Test
	void missingNameIsRejectedWithErrorBody() {
		PaidHttp.Response response = this.http.post("/customers/", "{\"email\":\"a@b.test\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("error")).isEqualTo("Bad Request");
		assertThat(response.text("code")).isEqualTo("MISSING_REQUIRED_FIELD");
		assertThat(response.text("details")).contains("CreateCustomerRequest.name");
		assertThat(paid.server().customers()).isEmpty();
	}

	@Test
	void snakeCaseFieldIsRejectedAsUnknown() {
		PaidHttp.Response response = this.http.post("/customers/", "{\"name\":\"Acme\",\"external_id\":\"a\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("UNKNOWN_FIELD");
		assertThat(response.text("details")).contains("external_id");
	}

	@Test
	void nestedAddressWithContactKeysIsRejected() {
		PaidHttp.Response response = this.http.post("/customers/",
				"{\"name\":\"Acme\",\"billingAddress\":{\"street\":\"1 Main St\"}}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("details")).contains("billingAddress").contains("street");
	}

	@Test
	void unknownFieldsAreIgnoredWhenCheckIsOff() {
		paid.server().rejectUnknownFields(false);
		PaidHttp.Response response = this.http.post("/customers/", "{\"name\":\"Acme\",\"external_id\":\"a\"}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().has("external_id")).isFalse();
	}

	@Test
	void wrongTypesAndEnumValuesAreRejected() {
		assertThat(this.http.post("/customers/", "{\"name\":42}").status()).isEqualTo(400);
		assertThat(this.http.post("/customers/", "{\"name\":\"A\",\"creationState\":\"ACTIVE\"}").text("details"))
			.contains("creationState");
		assertThat(this.http.post("/customers/", "{\"name\":\"A\",\"defaultCurrency\":\"usd\"}").status())
			.isEqualTo(400);
		assertThat(this.http.post("/customers/", "not json").text("code")).isEqualTo("INVALID_JSON");
		assertThat(this.http.put("/customers/external/x", "{\"churnDate\":\"2026-01-01\"}").status())
			.isEqualTo(404);
	}

	@Test
	void duplicateExternalIdIsRejectedWith400ByDefault() {
		this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}");
		PaidHttp.Response response = this.http.post("/customers/", "{\"name\":\"Other\",\"externalId\":\"acme-1\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("DUPLICATE_EXTERNAL_ID");
		assertThat(paid.server().customers()).hasSize(1);
	}

	@Test
	void duplicateExternalIdCanConflictWith409() {
		paid.server().duplicateExternalIdBehavior(DuplicateExternalIdBehavior.CONFLICT_409);
		this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}");
		assertThat(this.http.post("/customers/", "{\"name\":\"Other\",\"externalId\":\"acme-1\"}").status())
			.isEqualTo(409);
	}

	@Test
	void duplicateExternalIdCanReturnTheExistingCustomer() {
		paid.server().duplicateExternalIdBehavior(DuplicateExternalIdBehavior.RETURN_EXISTING);
		String id = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}").text("id");
		PaidHttp.Response again = this.http.post("/customers/", "{\"name\":\"Other\",\"externalId\":\"acme-1\"}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("id")).isEqualTo(id);
		assertThat(again.text("name")).isEqualTo("Acme");
		assertThat(paid.server().customers()).hasSize(1);
	}

	@Test
	void updateToAnExternalIdInUseIsRejected() {
		this.http.post("/customers/", "{\"name\":\"A\",\"externalId\":\"a\"}");
		String b = this.http.post("/customers/", "{\"name\":\"B\",\"externalId\":\"b\"}").text("id");
		assertThat(this.http.put("/customers/" + b, "{\"externalId\":\"a\"}").status()).isEqualTo(400);
		assertThat(this.http.get("/customers/external/b").text("id")).isEqualTo(b);
	}

	@Test
	void listPaginatesInCreationOrder() {
		for (int i = 0; i < 5; i++) {
			this.http.post("/customers/", "{\"name\":\"c" + i + "\"}");
		}
		PaidHttp.Response page = this.http.get("/customers/?limit=2&offset=2");
		assertThat(page.json().get("data").values()).extracting((c) -> c.get("name").asString())
			.containsExactly("c2", "c3");
		assertThat(page.json().get("pagination").toString())
			.isEqualTo("{\"limit\":2,\"offset\":2,\"total\":5,\"hasMore\":true}");
		assertThat(this.http.get("/customers/?limit=-1").status()).isEqualTo(400);
	}

	@Test
	void stateListsOrdersWithTheirExternalIdAndCurrency() {
		String id = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}").text("id");
		String orderId = this.http
			.post("/orders/", "{\"customerId\":\"" + id + "\",\"name\":\"Pro\",\"externalId\":\"o-1\",\"currency\":\"EUR\"}")
			.text("id");
		this.http.post("/orders/", "{\"customerId\":\"" + id + "\"}");
		PaidHttp.Response state = this.http.get("/customers/external/acme-1/state");
		assertThat(state.status()).isEqualTo(200);
		assertThat(state.json().get("customer").get("id").asString()).isEqualTo(id);
		assertThat(state.json().get("orders")).hasSize(2);
		assertThat(state.json().get("orders").get(0).get("id").asString()).isEqualTo(orderId);
		assertThat(state.json().get("orders").get(0).get("externalId").asString()).isEqualTo("o-1");
		assertThat(state.json().get("orders").get(0).get("currency").asString()).isEqualTo("EUR");
		assertThat(state.json().get("orders").get(0).get("state").asString()).isEqualTo("draft");
		assertThat(state.json().get("orders").get(1).get("currency").asString()).isEqualTo("USD");
		assertThat(this.http.get("/customers/" + id + "/state").json().get("orders")).hasSize(2);
	}

	@Test
	void deletingACustomerWithOrdersIsAllowed() {
		String id = this.http.post("/customers/", "{\"name\":\"Acme\"}").text("id");
		this.http.post("/orders/", "{\"customerId\":\"" + id + "\"}");
		assertThat(this.http.delete("/customers/" + id).status()).isEqualTo(200);
		assertThat(paid.server().orders()).hasSize(1);
	}

	@Test
	void seededCustomerIsServed() {
		String id = (String) paid.server().seedCustomer("Seeded", "s-1").get("id");
		assertThat(this.http.get("/customers/external/s-1").text("id")).isEqualTo(id);
	}

	@Test
	void unsupportedMethodIs405() {
		assertThat(this.http.send("PATCH", "/customers/", "{}").status()).isEqualTo(405);
	}

}
