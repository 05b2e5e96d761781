package ai.paid.demo.paid;

/**
 * Which Paid the demo talks to: the in-process mock server, or a real Paid account (when {@code PAID_API_KEY} is set).
 *
 * @param embedded whether it is the in-process mock server
 * @param baseUrl the API's base URL
 */
public record PaidTarget(boolean embedded, String baseUrl) {

}
