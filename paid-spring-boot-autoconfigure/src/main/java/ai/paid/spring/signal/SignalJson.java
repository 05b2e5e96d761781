package ai.paid.spring.signal;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of signals in outbox rows: the exact wire shape of one {@code POST /signals/bulk} item, written with a
 * mapper of our own so that an application's Jackson customisations never change rows already queued.
 */
final class SignalJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SignalJson() {
	}

}
