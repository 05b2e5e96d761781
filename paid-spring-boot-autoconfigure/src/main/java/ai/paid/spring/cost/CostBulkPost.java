package ai.paid.spring.cost;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import ai.paid.spring.bulk.BulkPost;
import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.cost.CostObserver.FailureReason;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * Posts costs to {@code POST /costs/bulk}. Paid takes a batch all or nothing, so one malformed cost would block the
 * rest; it is isolated as {@link BulkPost} isolates any bad item, the same way as a bad signal.
 */
final class CostBulkPost extends BulkPost<Cost> {

	private static final Log logger = LogFactory.getLog(CostBulkPost.class);

	private final PaidClient client;

	private final CostObserver observer;

	private final Path path;

	CostBulkPost(PaidClient client, CostObserver observer, Path path) {
		super("costs");
		this.client = client;
		this.observer = observer;
		this.path = path;
	}

	@Override
	protected Mono<?> post(List<Cost> costs) {
		return this.client.sendCosts(costs).doOnNext((response) -> this.observer.sent(this.path, response.ingested()));
	}

	@Override
	protected void rejected(Cost cost, Throwable ex) {
		this.observer.failed(this.path, FailureReason.REJECTED, 1);
		logger.error("Dropped a " + cost.type() + " cost of vendor '" + cost.vendor() + "', model '" + cost.model()
				+ "' for customer " + customer(cost) + ": "
				+ (isRejectedByPaid(ex) ? "Paid rejected it as malformed: " : "it cannot be written as JSON: ")
				+ ex.getMessage() + ". Counted in paid.costs.failed{reason=rejected}.");
	}

	private static String customer(Cost cost) {
		return (cost.customer().externalCustomerId() != null) ? "'" + cost.customer().externalCustomerId() + "'"
				: "id '" + cost.customer().customerId() + "'";
	}

}
