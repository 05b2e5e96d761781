package ai.paid.spring.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code CreditBalanceListResponse}: a customer's credit balances, grouped by credits currency (no pagination).
 *
 * @param data the balances
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditBalanceList(@Nullable List<CreditBalance> data) {

	/**
	 * The balances, never {@code null}.
	 * @return the balances
	 */
	public List<CreditBalance> balances() {
		return (this.data != null) ? this.data : List.of();
	}

}
