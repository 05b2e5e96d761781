package ai.paid.spring.test;

/**
 * How the mock matches the attributes of a product update to the product's attributes. Paid documents only that an
 * attribute with a {@code productAttributeId} updates that attribute; what happens to one sent without its id is
 * inferred (paid-api.md §10.1), so the mock can play either behaviour.
 */
public enum ProductAttributeMatching {

	/** An attribute without {@code productAttributeId} is always created as a new one (default). */
	ID_ONLY,

	/** An attribute without {@code productAttributeId} updates the product's attribute of the same name, if any. */
	ID_OR_NAME

}
