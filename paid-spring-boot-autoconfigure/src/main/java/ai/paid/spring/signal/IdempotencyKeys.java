package ai.paid.spring.signal;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates idempotency keys as time-ordered UUIDs (version 7 layout). {@link UUID#randomUUID()} goes through a shared
 * {@link SecureRandom} and costs more than the rest of an emit; keys only need to be unique, not unpredictable, so the
 * random bits come from {@link ThreadLocalRandom}, salted once per JVM from {@link SecureRandom} so that two processes
 * started in the same millisecond still draw different keys.
 */
final class IdempotencyKeys {

	private static final long SALT = new SecureRandom().nextLong();

	private IdempotencyKeys() {
	}

	static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
		long low = ((random.nextLong() ^ SALT) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
