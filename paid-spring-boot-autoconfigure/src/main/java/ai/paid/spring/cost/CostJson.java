package ai.paid.spring.cost;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of costs in outbox rows: the exact wire shape of one {@code POST /costs/bulk} item, written with a
 * mapper of our own so that an application's Jackson customisations never change rows already queued.
 */
final class CostJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CostJson() {
	}

}
