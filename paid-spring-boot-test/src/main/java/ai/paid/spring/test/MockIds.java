package ai.paid.spring.test;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Paid-style display ids: a type prefix and random base-62 characters, e.g. {@code cus_4fGq9ZkT2mXb}.
 */
final class MockIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

	private static final int LENGTH = 16;

	private MockIds() {
	}

	static String next(String prefix) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return prefix + new String(chars);
	}

}
