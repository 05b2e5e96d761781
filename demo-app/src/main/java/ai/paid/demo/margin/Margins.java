package ai.paid.demo.margin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.paid.demo.agent.AgentActivityRepository;
import ai.paid.demo.agent.SdrAgent;
import ai.paid.demo.crm.Account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Revenue, LLM cost and margin per account, for the page: revenue is the account's signals at
 * {@link DemoPricing}'s prices (configuration until the product catalog supplies them), cost what
 * {@link AccountCosts} has added up.
 */
@Component
@EnableConfigurationProperties(DemoPricing.class)
public class Margins {

	private final AgentActivityRepository activity;

	private final AccountCosts costs;

	private final DemoPricing pricing;

	Margins(AgentActivityRepository activity, AccountCosts costs, DemoPricing pricing) {
		this.activity = activity;
		this.costs = costs;
		this.pricing = pricing;
	}

	/**
	 * One row per account.
	 * @param accounts the accounts, in display order
	 * @return their margins
	 */
	public List<Row> of(List<Account> accounts) {
		Map<String, long[]> counts = new HashMap<>();
		for (AgentActivityRepository.SignalCount count : this.activity.countByAccountAndSignal()) {
			long[] pair = counts.computeIfAbsent(count.getAccountId(), (key) -> new long[2]);
			pair[SdrAgent.EMAIL_SENT.equals(count.getSignal()) ? 0 : 1] += count.getCount();
		}
		return accounts.stream().map((account) -> {
			long[] pair = counts.getOrDefault(account.getId(), new long[2]);
			BigDecimal revenue = this.pricing.emailSent()
				.multiply(BigDecimal.valueOf(pair[0]))
				.add(this.pricing.meetingBooked().multiply(BigDecimal.valueOf(pair[1])));
			AccountCosts.Usage usage = this.costs.of(account.getId());
			BigDecimal cost = usage.cost().setScale(6, RoundingMode.HALF_UP);
			return new Row(account.getId(), account.getName(), pair[0], pair[1], revenue.setScale(2, RoundingMode.HALF_UP),
					usage.calls(), usage.tokens(), cost, revenue.subtract(cost).setScale(4, RoundingMode.HALF_UP));
		}).toList();
	}

	/**
	 * The margin of one account, in USD.
	 *
	 * @param accountId the account
	 * @param accountName its name
	 * @param emails emails sent
	 * @param meetings meetings booked
	 * @param revenue what the signals earn
	 * @param llmCalls model calls made for the account
	 * @param llmTokens tokens of those calls
	 * @param llmCost what those calls cost
	 * @param margin revenue minus LLM cost
	 */
	public record Row(String accountId, String accountName, long emails, long meetings, BigDecimal revenue,
			long llmCalls, long llmTokens, BigDecimal llmCost, BigDecimal margin) {
	}

}
