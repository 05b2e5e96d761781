package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature check over raw bytes: the documented header, lenient separators, rotation and the replay window.
 */
class WebhookSignatureVerifierTests {

	private static final long NOW = 1_767_225_600_000L;

	private static final byte[] BODY = "{\"event\":\"billing-invoice-paid\",\"data\":{\"invoice\":{\"id\":\"in_1\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(List.of("current", "previous"),
			Duration.ofMinutes(5), this.clock);

	@Test
	void documentedHeaderWithCurrentSecretIsValid() {
		assertThat(this.verifier.verify("t=" + NOW + ",s=" + sign("current", NOW, BODY), BODY)).isNull();
	}

	@Test
	void separatorsSpacesAndOrderAreLenient() {
		String s = sign("current", NOW, BODY);
		assertThat(this.verifier.verify("t=" + NOW + ", s=" + s, BODY)).isNull();
		assertThat(this.verifier.verify("t=" + NOW + ";s=" + s, BODY)).isNull();
		assertThat(this.verifier.verify("s=" + s + ",t=" + NOW, BODY)).isNull();
		assertThat(this.verifier.verify("  T = " + NOW + " , S = " + s + " ", BODY)).isNull();
	}

	@Test
	void previousSecretIsAcceptedDuringRotationAndAnUnknownOneIsNot() {
		assertThat(this.verifier.verify("t=" + NOW + ",s=" + sign("previous", NOW, BODY), BODY)).isNull();
		assertThat(this.verifier.verify("t=" + NOW + ",s=" + sign("other", NOW, BODY), BODY))
			.isEqualTo(WebhookRejection.SIGNATURE_MISMATCH);
	}

	@Test
	void anyOfSeveralSignaturesMayMatch() {
		String header = "t=" + NOW + ",s=" + sign("other", NOW, BODY) + ",s=" + sign("current", NOW, BODY);
		assertThat(this.verifier.verify(header, BODY)).isNull();
	}

	@Test
	void signatureWithoutPaddingIsAccepted() {
		String s = sign("current", NOW, BODY);
		assertThat(s).endsWith("=");
		assertThat(this.verifier.verify("t=" + NOW + ",s=" + s.replace("=", ""), BODY)).isNull();
	}

	@Test
	void changedBodyOrTimestampDoesNotMatch() {
		String s = sign("current", NOW, BODY);
		byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("in_1", "in_2")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.verifier.verify("t=" + NOW + ",s=" + s, changed)).isEqualTo(WebhookRejection.SIGNATURE_MISMATCH);
		assertThat(this.verifier.verify("t=" + (NOW - 1) + ",s=" + s, BODY))
			.isEqualTo(WebhookRejection.SIGNATURE_MISMATCH);
	}

	@Test
	void timestampOutsideToleranceIsStaleEvenWhenCorrectlySigned() {
		long old = NOW - Duration.ofMinutes(5).toMillis() - 1;
		long future = NOW + Duration.ofMinutes(5).toMillis() + 1;
		long edge = NOW - Duration.ofMinutes(5).toMillis();
		assertThat(this.verifier.verify("t=" + old + ",s=" + sign("current", old, BODY), BODY))
			.isEqualTo(WebhookRejection.STALE_TIMESTAMP);
		assertThat(this.verifier.verify("t=" + future + ",s=" + sign("current", future, BODY), BODY))
			.isEqualTo(WebhookRejection.STALE_TIMESTAMP);
		assertThat(this.verifier.verify("t=" + edge + ",s=" + sign("current", edge, BODY), BODY)).isNull();
	}

	@Test
	void missingOrMalformedHeadersAreTold() {
		assertThat(this.verifier.verify(null, BODY)).isEqualTo(WebhookRejection.MISSING_SIGNATURE);
		assertThat(this.verifier.verify(" ", BODY)).isEqualTo(WebhookRejection.MISSING_SIGNATURE);
		assertThat(this.verifier.verify("s=" + sign("current", NOW, BODY), BODY))
			.isEqualTo(WebhookRejection.MALFORMED_SIGNATURE);
		assertThat(this.verifier.verify("t=" + NOW, BODY)).isEqualTo(WebhookRejection.MALFORMED_SIGNATURE);
		assertThat(this.verifier.verify("t=yesterday,s=" + sign("current", NOW, BODY), BODY))
			.isEqualTo(WebhookRejection.MALFORMED_SIGNATURE);
		assertThat(this.verifier.verify("t=" + NOW + ",s=%%%", BODY)).isEqualTo(WebhookRejection.MALFORMED_SIGNATURE);
	}

	private static String sign(String secret, long timestamp, byte[] body) {
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return Base64.getEncoder().encodeToString(WebhookSignatureVerifier.sign(key, Long.toString(timestamp), body));
	}

}
