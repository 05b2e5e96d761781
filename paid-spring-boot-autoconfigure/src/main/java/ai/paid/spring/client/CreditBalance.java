package ai.paid.spring.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One credit pool of a customer (per credits currency and recipient) as Paid returns it.
 *
 * @param creditsCurrencyId Paid id of the credits currency
 * @param currencyName the credits currency's name
 * @param currencyKey the credits currency's key
 * @param available spendable balance, the sum of the grants' {@code available}
 * @param used credits used
 * @param total credits granted
 * @param recipient {@code organization} or {@code seat}
 * @param grants the grants the pool is made of
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditBalance(String creditsCurrencyId, @Nullable String currencyName, @Nullable String currencyKey,
		BigDecimal available, @Nullable BigDecimal used, @Nullable BigDecimal total, @Nullable String recipient,
		@Nullable List<Grant> grants) {

	/**
	 * Whether any credit is left in this pool.
	 * @return {@code available > 0}
	 */
	public boolean hasAvailable() {
		return this.available.signum() > 0;
	}

	/**
	 * One grant of credits.
	 *
	 * @param available spendable credits of the grant
	 * @param used credits used
	 * @param total credits granted
	 * @param rolloverAmount credits rolled over
	 * @param periodStart start of the grant's period
	 * @param periodEnd end of the grant's period
	 * @param rolloverEndDate end of the rollover window
	 * @param expiresAt when the grant expires
	 * @param isInRolloverWindow whether the grant is in its rollover window
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Grant(@Nullable BigDecimal available, @Nullable BigDecimal used, @Nullable BigDecimal total,
			@Nullable BigDecimal rolloverAmount, @Nullable OffsetDateTime periodStart,
			@Nullable OffsetDateTime periodEnd, @Nullable OffsetDateTime rolloverEndDate,
			@Nullable OffsetDateTime expiresAt, @Nullable Boolean isInRolloverWindow) {

	}

}
