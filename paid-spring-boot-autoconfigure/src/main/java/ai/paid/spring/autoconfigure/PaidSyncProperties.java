package ai.paid.spring.autoconfigure;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mirroring of customers, contacts and orders into Paid ({@code paid.sync.*}).
 *
 * @param enabled Whether entity changes are captured and delivered to Paid.
 * @param dateZone Time zone applied to date values that carry none (LocalDate, LocalDateTime) before they are sent.
 * @param customerWaitAttempts Delivery attempts a contact or order waits for its customer to exist in Paid before its
 * lane is parked.
 * @param productIdCacheTtl How long the Paid id of a product (looked up by external id for order lines) is reused
 * before it is looked up again; zero looks it up for every order.
 * @param backfillOnStartup Whether every synced entity is queued for Paid in the background once the application has
 * started (an interrupted backfill continues where it stopped).
 * @param backfill Backfill of existing entities ({@code paid.sync.backfill.*}).
 */
@ConfigurationProperties("paid.sync")
public record PaidSyncProperties(@DefaultValue("true") boolean enabled, @DefaultValue("UTC") ZoneId dateZone,
		@DefaultValue("5") int customerWaitAttempts, @DefaultValue("10m") Duration productIdCacheTtl,
		@DefaultValue("false") boolean backfillOnStartup, @DefaultValue Backfill backfill) {

	/**
	 * Backfill tuning.
	 *
	 * @param chunkSize Entities read and queued per transaction.
	 */
	public record Backfill(@DefaultValue("500") int chunkSize) {

	}

}
