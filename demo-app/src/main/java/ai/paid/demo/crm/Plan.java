package ai.paid.demo.crm;

/**
 * The plans the AI SDR product sells, with the Paid product each one bills against (by its external id).
 *
 * @param displayName what customers see, also the Paid order name
 * @param productId the external id of the Paid product
 */
public record Plan(String displayName, String productId) {

	/** External id of the AI SDR product in Paid (a constant, so annotations can name it too). */
	public static final String AI_SDR_PRODUCT = "ai-sdr-pro";

	/** The seed scenario's plan. */
	public static final Plan AI_SDR_PRO = new Plan("AI SDR - Pro", AI_SDR_PRODUCT);

}
