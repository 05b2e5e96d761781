package ai.paid.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * {@link PaidConnectionDetails} from {@link PaidProperties}, with the {@code PAID_API_KEY} environment variable as
 * fallback for the key. The explicit fallback is needed because relaxed binding maps {@code paid.api-key} to the
 * environment variable {@code PAID_APIKEY}, not {@code PAID_API_KEY}.
 */
final class PropertiesPaidConnectionDetails implements PaidConnectionDetails {

	static final String API_KEY_VARIABLE = "PAID_API_KEY";

	private final PaidProperties properties;

	private final PropertyResolver environment;

	PropertiesPaidConnectionDetails(PaidProperties properties, PropertyResolver environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.baseUrl();
	}

	@Override
	public @Nullable String getApiKey() {
		if (StringUtils.hasText(this.properties.apiKey())) {
			return this.properties.apiKey().trim();
		}
		String fromVariable = this.environment.getProperty(API_KEY_VARIABLE);
		return StringUtils.hasText(fromVariable) ? fromVariable.trim() : null;
	}

	@Override
	public String toString() {
		return "PropertiesPaidConnectionDetails[baseUrl=" + getBaseUrl() + ", apiKey=" + PaidProperties.mask(getApiKey())
				+ "]";
	}

}
