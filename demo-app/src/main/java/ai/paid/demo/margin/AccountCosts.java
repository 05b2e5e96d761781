package ai.paid.demo.margin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.cost.CostObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Adds up the LLM costs the starter records, per account, by listening as a {@link CostObserver} (the starter
 * notifies every such bean). Kept in memory for the page; Paid has the costs themselves.
 */
@Component
public class AccountCosts implements CostObserver {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final Map<String, Tokens> byAccount = new ConcurrentHashMap<>();

	private final DemoPricing pricing;

	AccountCosts(DemoPricing pricing) {
		this.pricing = pricing;
	}

	@Override
	public void recorded(Cost cost, Path path) {
		String account = cost.customer().externalCustomerId();
		TokenUsage usage = cost.usage();
		if (account == null || usage == null) {
			return;
		}
		Tokens tokens = this.byAccount.computeIfAbsent(account, (key) -> new Tokens());
		tokens.calls.increment();
		tokens.input.add(value(usage.inputTokens()));
		tokens.cached.add(value(usage.cacheReadInputTokens()));
		tokens.output.add(value(usage.outputTokens()));
	}

	/**
	 * The LLM use of an account so far.
	 * @param account the account id
	 * @return calls, tokens and their cost in USD
	 */
	public Usage of(String account) {
		Tokens tokens = this.byAccount.get(account);
		if (tokens == null) {
			return new Usage(0, 0, BigDecimal.ZERO);
		}
		long input = tokens.input.sum();
		long cached = tokens.cached.sum();
		long output = tokens.output.sum();
		BigDecimal cost = per(input, this.pricing.inputPerMillion())
			.add(per(cached, this.pricing.cachedInputPerMillion()))
			.add(per(output, this.pricing.outputPerMillion()));
		return new Usage(tokens.calls.sum(), input + cached + output, cost);
	}

	private static BigDecimal per(long tokens, BigDecimal pricePerMillion) {
		return BigDecimal.valueOf(tokens).multiply(pricePerMillion).divide(MILLION, MathContext.DECIMAL64);
	}

	private static long value(@Nullable Long count) {
		return (count != null) ? count : 0;
	}

	/**
	 * The LLM use of one account.
	 *
	 * @param calls model calls
	 * @param tokens tokens of all kinds
	 * @param cost their cost in USD
	 */
	public record Usage(long calls, long tokens, BigDecimal cost) {
	}

	private static final class Tokens {

		final LongAdder calls = new LongAdder();

		final LongAdder input = new LongAdder();

		final LongAdder cached = new LongAdder();

		final LongAdder output = new LongAdder();

	}

}
