package ai.paid.spring.client;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money, as in a usage {@link Cost}'s {@code costOverride}.
 *
 * @param amount major units
 * @param currency ISO 4217 code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostAmount(BigDecimal amount, String currency) {

}
