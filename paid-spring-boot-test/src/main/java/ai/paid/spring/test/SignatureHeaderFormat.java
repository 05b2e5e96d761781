package ai.paid.spring.test;

/**
 * How the mock writes the {@code x-webhook-signature} header. Paid documents its two parts, {@code t} and {@code s},
 * but not the exact separators (inferred: {@code t=<ms>,s=<base64>}), so receivers should be tested with each.
 */
public enum SignatureHeaderFormat {

	/** {@code t=<ms>,s=<base64>}: the inferred form, and the default. */
	COMMA("t=%s,s=%s"),

	/** {@code t=<ms>, s=<base64>}. */
	COMMA_SPACE("t=%s, s=%s"),

	/** {@code t=<ms>;s=<base64>}. */
	SEMICOLON("t=%s;s=%s"),

	/** {@code s=<base64>,t=<ms>}: the parts the other way round. */
	REVERSED("s=%2$s,t=%1$s");

	private final String pattern;

	SignatureHeaderFormat(String pattern) {
		this.pattern = pattern;
	}

	String format(long timestamp, String signature) {
		return String.format(this.pattern, timestamp, signature);
	}

}
