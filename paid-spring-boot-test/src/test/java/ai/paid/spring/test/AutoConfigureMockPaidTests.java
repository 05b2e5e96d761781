package ai.paid.spring.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureMockPaid}.
 */
@SpringJUnitConfig(AutoConfigureMockPaidTests.Config.class)
@AutoConfigureMockPaid(apiKey = "sk_spring")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureMockPaidTests {

	@Autowired
	MockPaidServer server;

	@Autowired
	Environment environment;

	@Test
	@Order(1)
	void serverIsARunningBeanAndPropertiesPointAtIt() {
		assertThat(this.server.isRunning()).isTrue();
		assertThat(this.environment.getProperty("paid.base-url")).isEqualTo(this.server.baseUrl());
		assertThat(this.environment.getProperty("paid.api-key")).isEqualTo("sk_spring");
		PaidHttp http = new PaidHttp(this.environment.getProperty("paid.base-url"), "sk_spring");
		assertThat(http.post("/customers/", "{\"name\":\"Acme\"}").status()).isEqualTo(201);
		assertThat(this.server.customers()).hasSize(1);
	}

	@Test
	@Order(2)
	void serverIsResetBeforeEachTest() {
		assertThat(this.server.customers()).isEmpty();
		assertThat(this.server.requests()).isEmpty();
	}

	@Nested
	@TestPropertySource(properties = "paid.api-key=explicit")
	class InlinedProperties {

		@Autowired
		Environment environment;

		@Test
		void inlinedTestPropertiesWin() {
			assertThat(this.environment.getProperty("paid.api-key")).isEqualTo("explicit");
			assertThat(this.environment.getProperty("paid.base-url")).startsWith("http://127.0.0.1:");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
