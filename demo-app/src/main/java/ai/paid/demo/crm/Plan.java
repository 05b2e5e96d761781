package ai.paid.demo.crm;

/**
 * The plans the AI SDR product sells, with the Paid product each one bills against (by its external id).
 *
 * @param displayName what customers see, also the Paid order name
 * @param productId the external id of the Paid product
 */
public record Plan(String displayName, String productId) {

	/** The seed scenario's plan. */
	public static final Plan AI_SDR_PRO = new Plan("AI SDR - Pro", "ai-sdr-pro");

}
