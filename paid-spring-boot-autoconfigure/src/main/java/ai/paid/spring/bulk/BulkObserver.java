package ai.paid.spring.bulk;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * What the bulk machinery reports, the part that {@code SignalObserver} and {@code CostObserver} share. Methods are
 * called on the callers' and the senders' threads and must be quick and never throw. Every method does nothing by
 * default.
 *
 * @param <P> how an item travels: the observer's {@code Path}
 * @param <R> why items will not reach Paid: the observer's {@code FailureReason}
 */
public interface BulkObserver<P, R> {

	/**
	 * Items that will not reach Paid.
	 * @param path where the items came from
	 * @param reason why
	 * @param count how many
	 */
	default void failed(P path, R reason, int count) {
	}

	/**
	 * A batch left the in-memory buffer for Paid.
	 * @param size items in the batch
	 */
	default void batch(int size) {
	}

	/**
	 * Called once by the batcher so the buffer fill can be observed.
	 * @param size current number of buffered items
	 * @param capacity buffer capacity
	 */
	default void buffer(IntSupplier size, int capacity) {
	}

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param <O> the observer type
	 * @param observers the observers
	 * @param none the no-op observer, for no observers
	 * @param composite makes the composite of two or more observers
	 * @return the composite, or the one observer
	 */
	static <O> O composite(List<O> observers, O none, Function<List<O>, O> composite) {
		if (observers.isEmpty()) {
			return none;
		}
		return (observers.size() == 1) ? observers.get(0) : composite.apply(observers);
	}

	/** A constant whose meter tag value is its name in lower case. */
	interface Tagged {

		/**
		 * The constant's name.
		 * @return the name
		 */
		String name();

		/**
		 * The tag value.
		 * @return the name in lower case
		 */
		default String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The base of a composite observer: notifies each of the observers in turn.
	 *
	 * @param <P> the path type
	 * @param <R> the failure reason type
	 * @param <O> the observer type
	 */
	abstract class Composite<P, R, O extends BulkObserver<P, R>> implements BulkObserver<P, R> {

		/** The observers, in order. */
		protected final List<O> all;

		/**
		 * Creates the composite.
		 * @param observers the observers
		 */
		protected Composite(List<O> observers) {
			this.all = List.copyOf(observers);
		}

		@Override
		public void failed(P path, R reason, int count) {
			this.all.forEach((observer) -> observer.failed(path, reason, count));
		}

		@Override
		public void batch(int size) {
			this.all.forEach((observer) -> observer.batch(size));
		}

		@Override
		public void buffer(IntSupplier size, int capacity) {
			this.all.forEach((observer) -> observer.buffer(size, capacity));
		}

	}

}
