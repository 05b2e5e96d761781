package ai.paid.spring.sync;

/**
 * Builds the Paid state of one entity type in code, for what annotations cannot express. Declare one bean per entity
 * class; it replaces the annotation mapping of that class (the entity still needs {@code @PaidSync} or a listener only
 * if you want it captured without a mapper: a mapper bean alone is enough). Called inside the saving transaction,
 * after its final flush, so lazy relations can be read.
 * <pre class="code">
 * &#64;Bean
 * PaidMapper&lt;Subscription&gt; subscriptionMapper() {
 *     return PaidMapper.of(Subscription.class, (s) -&gt; PaidOrderData.builder(s.getRef(), s.getAccount().getRef())
 *             .name(s.getPlan().getTitle()).build());
 * }
 * </pre>
 *
 * @param <E> the entity class
 */
public interface PaidMapper<E> {

	/** The entity class this mapper handles (exactly; subclasses need their own mapper). */
	Class<E> entityType();

	/**
	 * Builds the entity's Paid state; the returned type decides whether it is a customer, contact or order and must
	 * be the same for every instance.
	 */
	PaidEntityData map(E entity);

	/** What a mapper built by {@link #of} delegates to. */
	@FunctionalInterface
	interface Mapping<E> {

		/** Builds the entity's Paid state. */
		PaidEntityData map(E entity);

	}

	/** A mapper for the entity class that delegates to the function. */
	static <E> PaidMapper<E> of(Class<E> entityType, Mapping<E> mapping) {
		return new PaidMapper<>() {

			@Override
			public Class<E> entityType() {
				return entityType;
			}

			@Override
			public PaidEntityData map(E entity) {
				return mapping.map(entity);
			}

		};
	}

}
