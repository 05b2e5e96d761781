package ai.paid.demo.crm;

import java.util.UUID;

/**
 * Ids of the demo's records. They double as the external ids Paid knows the records by, so they are random (two
 * demo databases never collide in one Paid account) and prefixed (a person reading Paid sees what they are).
 */
final class Ids {

	private Ids() {
	}

	static String next(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
