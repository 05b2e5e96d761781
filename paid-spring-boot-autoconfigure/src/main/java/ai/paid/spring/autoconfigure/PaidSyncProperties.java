package ai.paid.spring.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mirroring of customers, contacts and orders into Paid ({@code paid.sync.*}).
 *
 * @param enabled Whether entity changes are captured and delivered to Paid.
 * @param dateZone Time zone applied to date values that carry none (LocalDate, LocalDateTime) before they are sent.
 * @param customerWaitAttempts Ignored. A contact or order whose customer Paid does not have waits while that
 * customer's change is pending in the outbox, and parks its lane at once otherwise.
 * @param productIdCacheTtl How long the Paid id of a product (looked up by external id for order lines) is reused
 * before it is looked up again; zero looks it up for every order.
 * @param backfillOnStartup Whether every synced entity is queued for Paid in the background once the application has
 * started (an interrupted backfill continues where it stopped).
 * @param backfill Backfill of existing entities ({@code paid.sync.backfill.*}).
 */
@ConfigurationProperties("paid.sync")
public record PaidSyncProperties(@DefaultValue("true") boolean enabled, @DefaultValue("UTC") ZoneId dateZone,
		@Nullable Integer customerWaitAttempts, @DefaultValue("10m") Duration productIdCacheTtl,
		@DefaultValue("false") boolean backfillOnStartup, @DefaultValue Backfill backfill) {

	/**
	 * Checks every value's range when the properties are bound.
	 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
	 */
	public PaidSyncProperties {
		PropertyConstraints.notNegative("paid.sync.product-id-cache-ttl", productIdCacheTtl);
	}

	/**
	 * Ignored, see {@link #customerWaitAttempts}.
	 * @return the value set, {@code null} when not set
	 * @deprecated whether the customer is pending in the outbox decides between waiting and parking
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(since = "0.1.0",
			reason = "Ignored: a contact or order whose customer Paid does not have waits while that customer's "
					+ "change is pending in the outbox, and parks its lane at once otherwise")
	public @Nullable Integer customerWaitAttempts() {
		return this.customerWaitAttempts;
	}

	/**
	 * Backfill tuning.
	 *
	 * @param chunkSize Entities read and queued per transaction.
	 */
	public record Backfill(@DefaultValue("500") int chunkSize) {

		/**
		 * Checks every value's range when the properties are bound.
		 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
		 */
		public Backfill {
			PropertyConstraints.atLeast("paid.sync.backfill.chunk-size", chunkSize, 1);
		}

	}

}
