package ai.paid.spring.credits;

import java.util.List;

import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.signal.SignalObserver;

/**
 * Forgets a customer's cached credit balances once Paid acknowledged signals of that customer, which may have
 * consumed credits.
 */
public final class CreditsSignalObserver implements SignalObserver {

	private final PaidCredits credits;

	/**
	 * @param credits the credits cache
	 */
	public CreditsSignalObserver(PaidCredits credits) {
		this.credits = credits;
	}

	@Override
	public void acknowledged(Path path, List<Signal> signals) {
		for (Signal signal : signals) {
			SignalCustomer customer = signal.customer();
			if (customer.externalCustomerId() != null) {
				this.credits.evict(customer.externalCustomerId());
			}
			else if (customer.customerId() != null) {
				this.credits.evictById(customer.customerId());
			}
		}
	}

}
