package ai.paid.spring.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one declared product compares with Paid after a reconcile.
 *
 * @param externalId the product's external id
 * @param status what the reconcile found or did
 * @param paidId Paid's id of the product, {@code null} when Paid has none
 * @param differences what differs (in verify mode) or what was changed (in apply mode), one line each
 * @param error why the product could not be reconciled ({@link Status#FAILED})
 */
public record CatalogProductState(String externalId, Status status, @Nullable String paidId,
		List<String> differences, @Nullable String error) {

	/**
	 * Normalizes the differences.
	 */
	public CatalogProductState {
		differences = List.copyOf(differences);
	}

	/**
	 * Whether Paid differs from the declaration and was left so (verify mode).
	 * @return {@code true} for {@link Status#DRIFT} and {@link Status#MISSING}
	 */
	public boolean isDrift() {
		return this.status == Status.DRIFT || this.status == Status.MISSING;
	}

	/** What a reconcile found or did for a product. */
	public enum Status {

		/** Paid matches the declaration. */
		IN_SYNC,

		/** Paid's product differs from the declaration; nothing was written (verify mode). */
		DRIFT,

		/** Paid has no product with the external id; nothing was written (verify mode). */
		MISSING,

		/** The product was created in Paid (apply mode). */
		CREATED,

		/** Paid's product was updated to match the declaration (apply mode). */
		UPDATED,

		/** Paid could not be read or written; see the error. */
		FAILED

	}

}
