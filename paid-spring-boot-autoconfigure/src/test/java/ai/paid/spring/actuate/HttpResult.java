package ai.paid.spring.actuate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Status and body of an HTTP response. */
record HttpResult(int status, String body) {

	private static final JsonMapper json = JsonMapper.builder().build();

	JsonNode json() {
		return json.readTree(this.body);
	}

}
