package ai.paid.spring.outbox;

/**
 * Published when Paid rejects the API key (401 or 403). Dispatching pauses, without consuming attempts, and resumes
 * on its own once a periodic probe delivery succeeds.
 *
 * @param httpStatus 401 or 403
 * @param message Paid's error (never the key)
 */
public record PaidCredentialsRejectedEvent(int httpStatus, String message) {

}
