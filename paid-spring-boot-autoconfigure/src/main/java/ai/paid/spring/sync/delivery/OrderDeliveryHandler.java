package ai.paid.spring.sync.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ai.paid.spring.client.CreateOrderLineRequest;
import ai.paid.spring.client.CustomerState;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidOrderData;
import org.springframework.jdbc.core.JdbcOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies queued order changes to Paid. Orders have no external-id routes: a new order is created with its
 * {@code externalId} and lines (products resolved by external id, cached), and its Paid id goes to the link table;
 * later changes update, and deletes delete, by the linked id. A create whose outcome is unknown (an earlier attempt
 * timed out or its instance died) is never repeated blindly: the customer's state
 * ({@code GET /customers/external/{id}/state}) is searched for the order's external id first, and a match is adopted.
 */
public final class OrderDeliveryHandler implements OutboxDeliveryHandler {

	private static final String LANE_PREFIX = "cust:";

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final PaidIdResolver ids;

	private final SyncPayloadCodec codec = new SyncPayloadCodec();

	private final SyncRequests requests = new SyncRequests(this.codec.mapper());

	private final Map<String, CachedId> productIds = new ConcurrentHashMap<>();

	private final Duration productIdCacheTtl;

	/**
	 * @param client the Paid client, without its own retries (the outbox retries)
	 * @param jdbc access to the {@code paid_sync_link} table
	 * @param productIdCacheTtl how long a product's Paid id is reused; zero looks it up for every order
	 */
	public OrderDeliveryHandler(PaidClient client, JdbcOperations jdbc, Duration productIdCacheTtl) {
		this.client = client;
		this.productIdCacheTtl = productIdCacheTtl;
		this.links = new PaidSyncLinks(jdbc);
		this.ids = new PaidIdResolver(client, this.links);
	}

	@Override
	public String entityType() {
		return PaidEntityType.ORDER.name();
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return PaidIdResolver.outcome(send(record));
	}

	private Mono<?> send(OutboxRecord record) {
		String externalId = record.entityId();
		Mono<Optional<String>> paidId = this.links.find(PaidEntityType.ORDER, externalId)
			.flatMap((linked) -> (linked.isPresent() || record.attempts() == 0) ? Mono.just(linked)
					: adopt(customerExternalId(record), externalId));
		if (record.operation() == OutboxOperation.DELETE) {
			return paidId.flatMap((id) -> id.map((value) -> this.client.deleteOrder(value)
				.onErrorResume(PaidIdResolver::isNotFound, (ex) -> Mono.empty())).orElseGet(Mono::empty))
				.then(this.links.delete(PaidEntityType.ORDER, externalId));
		}
		PaidOrderData data = this.codec.read(record.payload(), PaidOrderData.class);
		return paidId.flatMap((id) -> id.isPresent() ? update(id.get(), data, record) : create(data, record));
	}

	private Mono<Void> update(String paidId, PaidOrderData data, OutboxRecord record) {
		return billingContactIds(data, record)
			.flatMap((contacts) -> this.client.updateOrder(paidId, this.requests.updateOrder(data, contacts.orElse(null),
					this.codec.readClearedFields(record.payload()))))
			.then();
	}

	private Mono<Void> create(PaidOrderData data, OutboxRecord record) {
		return this.ids.customerId(data.customerExternalId(), record)
			.zipWith(billingContactIds(data, record))
			.zipWith(lines(data))
			.flatMap((resolved) -> this.client.createOrder(this.requests.createOrder(data, resolved.getT1().getT1(),
					resolved.getT1().getT2().orElse(null), resolved.getT2().orElse(null))))
			.flatMap((order) -> this.links.save(PaidEntityType.ORDER, data.externalId(), order.id()));
	}

	/** Looks for an order an earlier, unacknowledged attempt may have created, and links it. */
	private Mono<Optional<String>> adopt(String customerExternalId, String externalId) {
		return this.client.getCustomerStateByExternalId(customerExternalId)
			.map(CustomerState::ordersOrEmpty)
			.onErrorResume(PaidIdResolver::isNotFound, (ex) -> Mono.just(List.of()))
			.flatMap((orders) -> orders.stream()
				.filter((order) -> externalId.equals(order.externalId()))
				.findFirst()
				.map((order) -> this.links.save(PaidEntityType.ORDER, externalId, order.id())
					.thenReturn(Optional.of(order.id())))
				.orElseGet(() -> Mono.just(Optional.empty())));
	}

	private Mono<Optional<List<String>>> billingContactIds(PaidOrderData data, OutboxRecord record) {
		if (data.billingContactExternalIds() == null) {
			return Mono.just(Optional.empty());
		}
		return this.ids.contactIds(data.billingContactExternalIds(), record).map(Optional::of);
	}

	private Mono<Optional<List<CreateOrderLineRequest>>> lines(PaidOrderData data) {
		if (data.lines() == null) {
			return Mono.just(Optional.empty());
		}
		return Flux.fromIterable(data.lines())
			.concatMap((line) -> productId(line.productExternalId()).map((id) -> this.requests.line(line, id)))
			.collectList()
			.map(Optional::of);
	}

	private Mono<String> productId(String productExternalId) {
		CachedId cached = this.productIds.get(productExternalId);
		if (cached != null && Instant.now().isBefore(cached.expires())) {
			return Mono.just(cached.id());
		}
		return this.client.getProductByExternalId(productExternalId).map((product) -> {
			if (!this.productIdCacheTtl.isZero()) {
				this.productIds.put(productExternalId,
						new CachedId(product.id(), Instant.now().plus(this.productIdCacheTtl)));
			}
			return product.id();
		});
	}

	private record CachedId(String id, Instant expires) {
	}

	private static String customerExternalId(OutboxRecord record) {
		return record.lane().startsWith(LANE_PREFIX) ? record.lane().substring(LANE_PREFIX.length()) : record.lane();
	}

}
