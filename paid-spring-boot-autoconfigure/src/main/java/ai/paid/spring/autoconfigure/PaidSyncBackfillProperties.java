package ai.paid.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backfill of existing entities into Paid ({@code paid.sync.backfill-on-startup}, {@code paid.sync.backfill.*}).
 *
 * @param backfillOnStartup Whether every synced entity is queued for Paid in the background once the application has
 * started (an interrupted backfill continues where it stopped).
 * @param backfill Backfill tuning.
 */
@ConfigurationProperties("paid.sync")
public record PaidSyncBackfillProperties(@DefaultValue("false") boolean backfillOnStartup,
		@DefaultValue Backfill backfill) {

	/**
	 * Backfill tuning.
	 *
	 * @param chunkSize Entities read and queued per transaction.
	 */
	public record Backfill(@DefaultValue("500") int chunkSize) {

	}

}
