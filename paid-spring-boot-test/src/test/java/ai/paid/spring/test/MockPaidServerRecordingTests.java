package ai.paid.spring.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the mock's request recording.
 */
@ExtendWith(MockPaidServerExtension.class)
class MockPaidServerRecordingTests {

	private MockPaidServer paid;

	private PaidHttp http;

	@BeforeEach
	void setUp(MockPaidServer paid) {
		this.paid = paid;
		this.http = new PaidHttp(paid);
	}

	@Test
	void recordsMethodPathQueryHeadersAndBody() {
		this.http.post("/customers/", "{\"name\":\"Acme\"}");
		this.http.get("/customers/?limit=5");
		assertThat(this.paid.requests()).hasSize(2);
		RecordedRequest post = this.paid.requests().get(0);
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.path()).isEqualTo("/api/v2/customers/");
		assertThat(post.relativePath()).isEqualTo("/customers/");
		assertThat(post.query()).isEmpty();
		assertThat(post.header("authorization")).isEqualTo("Bearer test-key");
		assertThat(post.header("Content-Type")).isEqualTo("application/json");
		assertThat(post.body()).isEqualTo("{\"name\":\"Acme\"}");
		assertThat(post.jsonBody().get("name").asString()).isEqualTo("Acme");
		assertThat(this.paid.requests().get(1).query()).isEqualTo("limit=5");
	}

	@Test
	void recordsRejectedAndFaultedRequestsToo() {
		this.http.withKey("wrong").get("/customers/");
		this.paid.failNext(1, 500);
		this.http.get("/orders/");
		assertThat(this.paid.requests()).extracting(RecordedRequest::relativePath)
			.containsExactly("/customers/", "/orders/");
	}

	@Test
	void filtersByMethodAndPathPrefix() {
		this.http.post("/customers/", "{\"name\":\"Acme\"}");
		this.http.get("/customers/");
		this.http.post("/signals/bulk", "{\"signals\":[]}");
		assertThat(this.paid.requests("POST", "/customers")).hasSize(1);
		assertThat(this.paid.requests(null, "/customers")).hasSize(2);
		assertThat(this.paid.requests("post", "/api/v2/signals")).hasSize(1);
	}

	@Test
	void toStringMasksTheApiKey() {
		this.http.get("/customers/");
		assertThat(this.paid.requests().get(0).toString()).doesNotContain("test-key").contains("<masked>");
		assertThat(this.paid.toString()).doesNotContain("test-key");
	}

	@Test
	void clearRequestsForgetsThem() {
		this.http.get("/customers/");
		this.paid.clearRequests();
		assertThat(this.paid.requests()).isEmpty();
	}

	@Test
	void keepsOnlyTheMostRecentRequestsUpToTheLimit() {
		this.paid.recordedRequestLimit(3);
		for (int i = 0; i < 5; i++) {
			this.http.get("/customers/?offset=" + i);
		}
		assertThat(this.paid.requests()).extracting(RecordedRequest::query)
			.containsExactly("offset=2", "offset=3", "offset=4");
		this.paid.recordedRequestLimit(0);
		this.http.get("/customers/");
		assertThat(this.paid.requests()).isEmpty();
	}

}
