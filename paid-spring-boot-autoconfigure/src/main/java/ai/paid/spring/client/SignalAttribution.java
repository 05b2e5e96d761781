package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The product a {@link Signal} is attributed to: an untagged union serialised as {@code {"productId": ...}} or
 * {@code {"externalProductId": ...}}. Exactly one component is set; create it with {@link #byId(String)} or
 * {@link #byExternalId(String)}.
 *
 * @param productId Paid product id
 * @param externalProductId your own product id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignalAttribution(@Nullable String productId, @Nullable String externalProductId) {

	public SignalAttribution {
		if ((productId == null) == (externalProductId == null)) {
			throw new IllegalArgumentException("Exactly one of productId and externalProductId must be set");
		}
	}

	/**
	 * The product by Paid id.
	 * @param productId Paid product id
	 * @return the attribution
	 */
	public static SignalAttribution byId(String productId) {
		return new SignalAttribution(productId, null);
	}

	/**
	 * The product by your own id.
	 * @param externalProductId your own product id
	 * @return the attribution
	 */
	public static SignalAttribution byExternalId(String externalProductId) {
		return new SignalAttribution(null, externalProductId);
	}

}
