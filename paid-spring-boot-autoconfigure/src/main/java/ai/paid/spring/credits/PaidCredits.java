package ai.paid.spring.credits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.paid.spring.client.BlockingPaidClient;
import ai.paid.spring.client.CreditBalance;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import org.jspecify.annotations.Nullable;

/**
 * "Does this customer have credits left?" A customer's credit balances in Paid
 * ({@code GET /customers/external/{id}/credits/balances}, or by Paid id), kept for a short time
 * ({@code paid.credits.cache-ttl}) so a check before every agent run does not cost a request each.
 * <pre class="code">
 * if (!credits.hasCredits("acme")) {
 *     throw new OutOfCreditsException("acme");
 * }
 * agent.run(...);
 * </pre>
 * A customer's cached balances are forgotten when Paid acknowledges signals of that customer (they may have consumed
 * credits), and when {@link #evict(String)} or {@link #evictById(String)} is called, e.g. on a credits-depleted
 * webhook. Entries are kept per key as asked: balances read by external id are evicted by external id, those read by
 * Paid id by Paid id. Blocks while it asks Paid: do not call it on an event loop.
 */
public final class PaidCredits {

	private final BlockingPaidClient client;

	private final Duration ttl;

	private final Clock clock;

	private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

	private final Map<Key, Long> evictions = new ConcurrentHashMap<>();

	/**
	 * @param client the Paid client
	 * @param ttl how long balances are reused; zero asks Paid every time
	 */
	public PaidCredits(PaidClient client, Duration ttl) {
		this(client, ttl, Clock.systemUTC());
	}

	PaidCredits(PaidClient client, Duration ttl, Clock clock) {
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("ttl must not be negative");
		}
		this.client = client.blocking();
		this.ttl = ttl;
		this.clock = clock;
	}

	/**
	 * The customer's credit balances, one per credits currency.
	 * @param customerExternalId your id of the customer
	 * @return the balances (empty when the customer has none)
	 * @throws PaidApiException when Paid cannot answer, or does not know the customer (404)
	 */
	public List<CreditBalance> balances(String customerExternalId) {
		return cached(new Key(false, customerExternalId));
	}

	/**
	 * The customer's credit balances, by Paid's customer id.
	 * @param customerId Paid id of the customer
	 * @return the balances
	 * @throws PaidApiException when Paid cannot answer, or does not know the customer (404)
	 */
	public List<CreditBalance> balancesById(String customerId) {
		return cached(new Key(true, customerId));
	}

	/**
	 * Whether the customer has credits available in any credits currency.
	 * @param customerExternalId your id of the customer
	 * @return {@code true} when some balance has {@code available > 0}; {@code false} also when Paid does not know
	 * the customer
	 * @throws PaidApiException when Paid cannot answer
	 */
	public boolean hasCredits(String customerExternalId) {
		return hasCredits(new Key(false, customerExternalId), null);
	}

	/**
	 * Whether the customer has credits available in one credits currency.
	 * @param customerExternalId your id of the customer
	 * @param creditsCurrency the credits currency's key or Paid id
	 * @return {@code true} when that balance has {@code available > 0}
	 * @throws PaidApiException when Paid cannot answer
	 */
	public boolean hasCredits(String customerExternalId, String creditsCurrency) {
		return hasCredits(new Key(false, customerExternalId), creditsCurrency);
	}

	/**
	 * Whether the customer, by Paid id, has credits available in any credits currency.
	 * @param customerId Paid id of the customer
	 * @return {@code true} when some balance has {@code available > 0}
	 * @throws PaidApiException when Paid cannot answer
	 */
	public boolean hasCreditsById(String customerId) {
		return hasCredits(new Key(true, customerId), null);
	}

	/**
	 * Forgets the cached balances of a customer read by external id.
	 * @param customerExternalId your id of the customer
	 */
	public void evict(String customerExternalId) {
		evict(new Key(false, customerExternalId));
	}

	/**
	 * Forgets the cached balances of a customer read by Paid id.
	 * @param customerId Paid id of the customer
	 */
	public void evictById(String customerId) {
		evict(new Key(true, customerId));
	}

	/**
	 * Forgets every cached balance.
	 */
	public void evictAll() {
		long now = System.nanoTime();
		this.cache.keySet().forEach((key) -> this.evictions.put(key, now));
		this.cache.clear();
	}

	private boolean hasCredits(Key key, @Nullable String currency) {
		List<CreditBalance> balances;
		try {
			balances = cached(key);
		}
		catch (PaidApiException ex) {
			if (ex.isNotFound()) {
				return false;
			}
			throw ex;
		}
		return balances.stream()
			.filter((balance) -> currency == null || currency.equals(balance.currencyKey())
					|| currency.equals(balance.creditsCurrencyId()))
			.anyMatch(CreditBalance::hasAvailable);
	}

	private void evict(Key key) {
		this.evictions.put(key, System.nanoTime());
		this.cache.remove(key);
	}

	private List<CreditBalance> cached(Key key) {
		Instant now = this.clock.instant();
		Entry entry = this.cache.get(key);
		if (entry != null && now.isBefore(entry.expiresAt())) {
			return entry.balances();
		}
		long started = System.nanoTime();
		List<CreditBalance> balances = (key.byPaidId() ? this.client.getCreditBalances(key.id())
				: this.client.getCreditBalancesByExternalId(key.id()))
			.balances();
		Long evicted = this.evictions.get(key);
		// an eviction while Paid answered may mean this answer is already stale: do not keep it
		if (!this.ttl.isZero() && (evicted == null || evicted - started < 0)) {
			this.cache.put(key, new Entry(balances, now.plus(this.ttl)));
		}
		return balances;
	}

	private record Key(boolean byPaidId, String id) {
	}

	private record Entry(List<CreditBalance> balances, Instant expiresAt) {
	}

}
