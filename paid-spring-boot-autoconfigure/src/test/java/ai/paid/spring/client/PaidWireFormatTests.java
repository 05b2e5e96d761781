package ai.paid.spring.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The JSON the client writes and reads matches Paid's v2 wire format.
 */
class PaidWireFormatTests {

	private final JsonMapper mapper = WebClientPaidClient.wireMapper(null);

	@Test
	void createCustomerLeavesOutNullFields() {
		String json = this.mapper.writeValueAsString(CreateCustomerRequest.of("Acme", "acme-1"));
		assertThat(json).isEqualTo("{\"name\":\"Acme\",\"externalId\":\"acme-1\"}");
	}

	@Test
	void createCustomerUsesCamelCaseNamesAndLowerCaseCreationState() {
		CreateCustomerRequest request = new CreateCustomerRequest("Acme", "Acme Ltd", null, null, null, null,
				new CustomerBillingAddress("1 Main St", null, "Springfield", null, "12345", "US"), CreationState.active,
				"VAT1", null, "USD");
		assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"name\":\"Acme\",\"legalName\":\"Acme Ltd\","
				+ "\"billingAddress\":{\"line1\":\"1 Main St\",\"city\":\"Springfield\",\"zipCode\":\"12345\","
				+ "\"country\":\"US\"},\"creationState\":\"active\",\"vatNumber\":\"VAT1\",\"defaultCurrency\":\"USD\"}");
	}

	@Test
	void updateCustomerSendsExplicitNullsOnlyForNamedFields() {
		UpdateCustomerRequest request = new UpdateCustomerRequest("Acme", null, null, null, null, null, null, null,
				null, null, null)
			.withExplicitNulls("vatNumber", "billingAddress");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request)))
			.isEqualTo(this.mapper.readTree("{\"name\":\"Acme\",\"vatNumber\":null,\"billingAddress\":null}"));
	}

	@Test
	void explicitNullIsIgnoredWhenTheFieldHasAValue() {
		UpdateCustomerRequest request = new UpdateCustomerRequest(null, null, null, null, null, null, null, null, null,
				"VAT2", null)
			.withExplicitNulls("vatNumber");
		assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"vatNumber\":\"VAT2\"}");
	}

	@Test
	void withAllNullsExplicitClearsEveryNullableField() {
		UpdateContactRequest request = new UpdateContactRequest(null, "a@b.c", null, null, null, null, null, null)
			.withAllNullsExplicit();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request))).isEqualTo(this.mapper
			.readTree("{\"email\":\"a@b.c\",\"phone\":null,\"billingAddress\":null,\"externalId\":null}"));
	}

	@Test
	void explicitNullOfANonNullableFieldIsRejected() {
		UpdateCustomerRequest request = new UpdateCustomerRequest(null, null, null, null, null, null, null, null, null,
				null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> request.withExplicitNulls("name"))
			.withMessageContaining("'name'");
	}

	@Test
	void signalCustomerAndAttributionAreUntaggedUnions() {
		Signal byId = new Signal("call", SignalCustomer.byId("cus_1"), SignalAttribution.byId("prod_1"),
				Instant.parse("2024-01-15T09:30:00Z"), Map.of("quantity", 2), "k-1");
		Signal byExternal = new Signal("call", SignalCustomer.byExternalId("c-1"), SignalAttribution.byExternalId("p-1"),
				null, null, null);
		assertThat(this.mapper.writeValueAsString(byId)).isEqualTo("{\"eventName\":\"call\","
				+ "\"customer\":{\"customerId\":\"cus_1\"},\"attribution\":{\"productId\":\"prod_1\"},"
				+ "\"timestamp\":\"2024-01-15T09:30:00Z\",\"data\":{\"quantity\":2},\"idempotencyKey\":\"k-1\"}");
		assertThat(this.mapper.writeValueAsString(byExternal)).isEqualTo("{\"eventName\":\"call\","
				+ "\"customer\":{\"externalCustomerId\":\"c-1\"},\"attribution\":{\"externalProductId\":\"p-1\"}}");
	}

	@Test
	void signalCustomerNeedsExactlyOneId() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignalCustomer("cus_1", "c-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SignalAttribution(null, null));
	}

	@Test
	void orderLinePricingSerialisesPricePoints() {
		CreateOrderRequest request = CreateOrderRequest.of("cus_1", "Plan", "o-1",
				List.of(new CreateOrderLineRequest("prod_1", null, null, null, null, List.of(new OrderLineAttribute(
						"calls", null, OrderLinePricing.usagePerUnit("call", "USD", new java.math.BigDecimal("0.25")))))));
		assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"customerId\":\"cus_1\",\"name\":\"Plan\","
				+ "\"externalId\":\"o-1\",\"lines\":[{\"productId\":\"prod_1\",\"attributes\":[{\"name\":\"calls\","
				+ "\"pricing\":{\"chargeType\":\"usage\",\"pricePoints\":{\"currency\":\"USD\",\"unitPrice\":0.25},"
				+ "\"eventName\":\"call\",\"pricingModel\":\"perUnit\",\"billingFrequency\":\"monthly\","
				+ "\"billingType\":\"arrears\"}}]}]}");
	}

	@Test
	void customerIsReadIgnoringUnknownFields() {
		Customer customer = this.mapper.readValue("""
				{"id":"cus_1","name":"Acme","email":"","externalId":"acme-1","creationState":"active",
				 "billingAddress":{"line1":"1 Main St","planet":"Earth"},"createdAt":"2024-01-15T09:30:00Z",
				 "updatedAt":"2024-01-15T10:30:00+01:00","somethingNew":{"x":1}}
				""", Customer.class);
		assertThat(customer.id()).isEqualTo("cus_1");
		assertThat(customer.creationState()).isEqualTo(CreationState.active);
		assertThat(customer.billingAddress().line1()).isEqualTo("1 Main St");
		assertThat(customer.createdAt()).isEqualTo(OffsetDateTime.of(2024, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC));
		assertThat(customer.updatedAt().toInstant()).isEqualTo(Instant.parse("2024-01-15T09:30:00Z"));
	}

	@Test
	void unknownEnumValueIsReadAsNull() {
		Contact contact = this.mapper.readValue("{\"id\":\"c1\",\"roles\":[\"BILLING\",\"SOMETHING_NEW\"]}",
				Contact.class);
		assertThat(contact.roles()).containsExactly(ContactRole.BILLING, null);
	}

	@Test
	void customerStateExposesOrderExternalIds() {
		CustomerState state = this.mapper.readValue("""
				{"customer":{"id":"cus_1","externalId":"acme-1"},"defaultCurrency":"USD",
				 "orders":[{"id":"ord_1","externalId":"o-1","state":"paused","startDate":"2024-01-01T00:00:00Z"}],
				 "seats":{"total":1},"timestamp":"2024-01-15T09:30:00Z"}
				""", CustomerState.class);
		assertThat(state.ordersOrEmpty()).singleElement()
			.satisfies((order) -> assertThat(order.externalId()).isEqualTo("o-1"));
		assertThat(state.customer().externalId()).isEqualTo("acme-1");
	}

	@Test
	void wireConventionsHoldEvenWhenTheApplicationMapperUsesSnakeCase() {
		JsonMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		JsonMapper wire = WebClientPaidClient.wireMapper(snake);
		assertThat(wire.writeValueAsString(CreateCustomerRequest.of("Acme", "acme-1")))
			.isEqualTo("{\"name\":\"Acme\",\"externalId\":\"acme-1\"}");
	}

}
