package ai.paid.spring.test;

/**
 * The switchable behaviours of the mock, where Paid's behaviour is undocumented or a test wants leniency. Safe to
 * change while requests are in flight.
 */
final class MockSettings {

	volatile DuplicateExternalIdBehavior duplicateExternalIdBehavior = DuplicateExternalIdBehavior.REJECT_400;

	volatile int authFailureStatus = 403;

	volatile boolean rejectUnknownFields = true;

	volatile boolean failSignalsForUnknownCustomers = false;

	volatile ProductAttributeMatching productAttributeMatching = ProductAttributeMatching.ID_ONLY;

	volatile boolean productPricingEnumsLowerCase = false;

	volatile boolean productSignalTypeAccepted = true;

	void reset() {
		this.duplicateExternalIdBehavior = DuplicateExternalIdBehavior.REJECT_400;
		this.authFailureStatus = 403;
		this.rejectUnknownFields = true;
		this.failSignalsForUnknownCustomers = false;
		this.productAttributeMatching = ProductAttributeMatching.ID_ONLY;
		this.productPricingEnumsLowerCase = false;
		this.productSignalTypeAccepted = true;
	}

}
