package ai.paid.spring.signal;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import ai.paid.spring.bulk.BulkOutboxDeliveryHandler;

/**
 * Whether a signal's customer exists in Paid yet, asked before a transactional signal is sent. Transactional signals
 * travel in a lane of their own per customer ({@code sig:cust:<external id>}), so they never wait behind the
 * customer's entity rows (a parked customer holds back its sync, not its billing); this check keeps the one ordering
 * that matters: a signal for a customer created moments ago waits until the customer has reached Paid. A signal that
 * is not ready waits without consuming an attempt (bounded by {@code paid.outbox.max-age}), and the customer's later
 * signals wait behind it, in order.
 * <p>
 * Asked only for customers named by your external id; one named by Paid id exists in Paid by definition. The default,
 * {@link #READY}, says every customer is ready; the entity sync supplies a bean that answers from what it knows (a
 * customer linked to Paid is ready, one still queued for Paid is not). Declare your own bean to decide otherwise.
 */
@FunctionalInterface
public interface SignalCustomerReadiness {

	/** Every customer is ready: signals are sent at once. */
	SignalCustomerReadiness READY = (externalCustomerId) -> Mono.just(Readiness.sendNow());

	/**
	 * Whether signals for the customer can be sent now.
	 * @param externalCustomerId the customer's id in your system
	 * @return the answer; empty means ready. Must not block; an error fails the delivery attempt like a Paid error
	 * would, and the outbox retries it
	 */
	Mono<Readiness> check(String externalCustomerId);

	/**
	 * The answer of {@link #check(String)}.
	 *
	 * @param ready whether to send now
	 * @param retryAfter when not ready, how long to wait before asking again
	 * @param reason when not ready, what the signal waits for (shown as the outbox row's last error)
	 */
	record Readiness(boolean ready, @Nullable Duration retryAfter,
			@Nullable String reason) implements BulkOutboxDeliveryHandler.Readiness {

		private static final Readiness READY = new Readiness(true, null, null);

		/**
		 * Creates an answer; prefer {@link #sendNow()} and {@link #waitFor(Duration, String)}.
		 * @param ready whether to send now
		 * @param retryAfter when not ready, how long to wait before asking again
		 * @param reason when not ready, what the signal waits for
		 */
		public Readiness {
			if (!ready) {
				Objects.requireNonNull(retryAfter, "retryAfter");
				Objects.requireNonNull(reason, "reason");
				if (retryAfter.isNegative()) {
					throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
				}
			}
		}

		/**
		 * The customer exists in Paid: send.
		 * @return the answer
		 */
		public static Readiness sendNow() {
			return READY;
		}

		/**
		 * The customer is not in Paid yet: wait, consuming no attempt, and ask again later.
		 * @param retryAfter how long to wait before asking again
		 * @param reason what the signal waits for, e.g. "customer 'acme' is still queued for Paid"
		 * @return the answer
		 */
		public static Readiness waitFor(Duration retryAfter, String reason) {
			return new Readiness(false, retryAfter, reason);
		}

	}

}
