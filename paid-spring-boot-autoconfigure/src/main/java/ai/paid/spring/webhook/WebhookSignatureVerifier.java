package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks Paid's {@code x-webhook-signature} header: {@code t} (milliseconds since the epoch) and {@code s} (base64
 * HMAC-SHA256 with the signing secret over {@code t + "." + raw body}). The documented form is
 * {@code t=<ms>,s=<base64>}; since Paid's exact separators are not documented, parts may also be separated by
 * {@code ;} or whitespace, come in either order and have spaces around them. Several secrets may be configured
 * (rotation): the signature is compared with each, always all of them, in constant time.
 */
final class WebhookSignatureVerifier {

	static final String ALGORITHM = "HmacSHA256";

	// a name, '=' and a value up to the next separator (the value keeps base64's '=' padding)
	private static final Pattern PART = Pattern.compile("([A-Za-z0-9]+)\\s*=\\s*([^,;\\s]+)");

	private final List<SecretKeySpec> keys;

	private final long toleranceMillis;

	private final Clock clock;

	WebhookSignatureVerifier(List<String> secrets, Duration tolerance, Clock clock) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one signing secret is required");
		}
		this.keys = secrets.stream()
			.map((secret) -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
			.toList();
		this.toleranceMillis = tolerance.toMillis();
		this.clock = clock;
	}

	/**
	 * Verifies a delivery.
	 * @param header the {@code x-webhook-signature} header
	 * @param body the raw request body
	 * @return {@code null} when the signature is valid, otherwise why not
	 */
	@Nullable WebhookRejection verify(@Nullable String header, byte[] body) {
		if (header == null || header.isBlank()) {
			return WebhookRejection.MISSING_SIGNATURE;
		}
		String timestamp = null;
		List<byte[]> signatures = new ArrayList<>(1);
		Matcher part = PART.matcher(header);
		while (part.find()) {
			String name = part.group(1);
			String value = part.group(2);
			if (name.equalsIgnoreCase("t")) {
				timestamp = value;
			}
			else if (name.equalsIgnoreCase("s")) {
				byte[] decoded = decode(value);
				if (decoded == null) {
					return WebhookRejection.MALFORMED_SIGNATURE;
				}
				signatures.add(decoded);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			return WebhookRejection.MALFORMED_SIGNATURE;
		}
		long millis;
		try {
			millis = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return WebhookRejection.MALFORMED_SIGNATURE;
		}
		if (Math.abs(this.clock.millis() - millis) > this.toleranceMillis) {
			return WebhookRejection.STALE_TIMESTAMP;
		}
		boolean matched = false;
		for (SecretKeySpec key : this.keys) {
			byte[] expected = sign(key, timestamp, body);
			for (byte[] signature : signatures) {
				matched |= MessageDigest.isEqual(expected, signature);
			}
		}
		return matched ? null : WebhookRejection.SIGNATURE_MISMATCH;
	}

	private static byte @Nullable [] decode(String value) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			// undocumented, so accepted as well: the URL-safe alphabet
			try {
				return Base64.getUrlDecoder().decode(value);
			}
			catch (IllegalArgumentException notUrlSafe) {
				return null;
			}
		}
	}

	static byte[] sign(SecretKeySpec key, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
