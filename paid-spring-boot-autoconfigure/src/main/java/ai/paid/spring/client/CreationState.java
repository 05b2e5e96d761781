package ai.paid.spring.client;

/**
 * Whether a Paid customer or order is a draft or live. Constants are spelled as on the wire.
 */
public enum CreationState {

	/** Not yet live: a draft customer or order. */
	draft,

	/** Live. */
	active

}
