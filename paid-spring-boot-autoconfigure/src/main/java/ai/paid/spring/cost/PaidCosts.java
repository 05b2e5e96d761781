package ai.paid.spring.cost;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.Cost;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * Records what AI work costs, for Paid's margin per customer. Chat and embedding calls made through Spring AI are
 * recorded automatically (see the README, "Costs from Spring AI"); use this for anything else.
 *
 * <pre class="code">
 * costs.usage("openai", "gpt-4o-mini").inputTokens(812).outputTokens(164).record();   // Paid prices it
 * costs.money("serpapi", new BigDecimal("0.015"), "USD").customer("acme").record();
 * </pre>
 *
 * Customer and product not given come from the current {@code PaidContext}; a cost recorded inside a
 * {@code PaidContext} scope carries the scope's {@code paid_scope_id} in its metadata, so that the next signal sent
 * with {@code withCosts()} claims it. Inside an active, writable Spring transaction (with an outbox) the cost is
 * written to the outbox in that transaction; elsewhere it goes to an in-memory batcher that never blocks.
 */
public class PaidCosts {

	private final CostBatcher batcher;

	private final @Nullable CostOutboxWriter outboxWriter;

	private final CostObserver observer;

	/**
	 * Creates the costs API; the auto-configuration does this.
	 * @param batcher where costs recorded outside a transaction go
	 * @param outboxWriter where costs recorded inside a transaction go, {@code null} without an outbox
	 * @param observer notified of each recorded cost, for metrics
	 */
	public PaidCosts(CostBatcher batcher, @Nullable CostOutboxWriter outboxWriter, CostObserver observer) {
		this.batcher = batcher;
		this.outboxWriter = outboxWriter;
		this.observer = observer;
	}

	/**
	 * Starts describing a cost in usage, which Paid prices per vendor and model; finish with
	 * {@link CostBuilder#record()}.
	 * @param vendor the vendor, e.g. {@code openai} or {@code anthropic}
	 * @param model the provider's exact model id, e.g. {@code gpt-4o-mini-2024-07-18}
	 * @return a builder for the cost
	 */
	public CostBuilder usage(String vendor, String model) {
		return CostBuilder.usage(this, vendor, model);
	}

	/**
	 * Starts describing a cost in money; finish with {@link CostBuilder#record()}.
	 * @param vendor the vendor, for Paid's analytics
	 * @param amount major units, e.g. {@code 0.0031} dollars
	 * @param currency ISO 4217 code, e.g. {@code USD}
	 * @return a builder for the cost
	 */
	public CostBuilder money(String vendor, BigDecimal amount, String currency) {
		return CostBuilder.money(this, vendor, amount, currency);
	}

	/**
	 * Hands a complete cost over: to the outbox inside a transaction, to the in-memory batcher otherwise.
	 * @param cost the cost
	 * @return whether it was taken; {@code false} when the in-memory buffer dropped it (logged and counted)
	 */
	public boolean record(Cost cost) {
		if (this.outboxWriter != null && this.outboxWriter.writeIfInTransaction(cost)) {
			this.observer.recorded(cost, Path.TRANSACTIONAL);
			return true;
		}
		if (this.batcher.offer(cost)) {
			this.observer.recorded(cost, Path.BUFFERED);
			return true;
		}
		return false;
	}

}
