package ai.paid.spring.test;

import tools.jackson.databind.node.ObjectNode;

/**
 * Ends the handling of a request with an error response in Paid's v2 shape
 * ({@code {"error": .., "code": .., "details": ..}}).
 */
final class MockApiError extends RuntimeException {

	private final int status;

	private final String code;

	private final String details;

	MockApiError(int status, String error, String code, String details) {
		super(error, null, false, false);
		this.status = status;
		this.code = code;
		this.details = details;
	}

	static MockApiError badRequest(String code, String details) {
		return new MockApiError(400, "Bad Request", code, details);
	}

	static MockApiError notFound(String details) {
		return new MockApiError(404, "Not Found", "NOT_FOUND", details);
	}

	MockResponse toResponse() {
		ObjectNode body = MockJson.error(getMessage(), this.code, this.details);
		return MockResponse.json(this.status, body);
	}

}
