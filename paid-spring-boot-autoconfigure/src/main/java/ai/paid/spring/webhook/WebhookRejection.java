package ai.paid.spring.webhook;

/**
 * Why a delivery was refused. Only meters and the debug log see the reason; the sender gets "invalid signature" for
 * every signature problem.
 */
public enum WebhookRejection {

	/** No {@code x-webhook-signature} header. */
	MISSING_SIGNATURE("missing-signature"),

	/** The header has no usable {@code t} or {@code s}. */
	MALFORMED_SIGNATURE("malformed-signature"),

	/** {@code t} is further from now than {@code paid.webhooks.tolerance}. */
	STALE_TIMESTAMP("stale-timestamp"),

	/** No configured secret produces {@code s} over the raw body. */
	SIGNATURE_MISMATCH("signature-mismatch"),

	/** Correctly signed, but the body is not Paid's JSON envelope. */
	INVALID_PAYLOAD("invalid-payload"),

	/** The body is larger than {@code paid.webhooks.max-body-size}. */
	TOO_LARGE("too-large"),

	/** The database could not store it (answered 503, so Paid delivers it again). */
	UNAVAILABLE("unavailable");

	private final String tag;

	WebhookRejection(String tag) {
		this.tag = tag;
	}

	/**
	 * The reason as a meter tag value.
	 * @return the tag
	 */
	public String tag() {
		return this.tag;
	}

}
