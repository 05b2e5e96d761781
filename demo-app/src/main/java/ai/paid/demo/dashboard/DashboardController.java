package ai.paid.demo.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ai.paid.demo.agent.AgentActivity;
import ai.paid.demo.agent.AgentActivityRepository;
import ai.paid.demo.crm.Account;
import ai.paid.demo.crm.AccountRepository;
import ai.paid.demo.crm.Contact;
import ai.paid.demo.crm.ContactRepository;
import ai.paid.demo.crm.Subscription;
import ai.paid.demo.crm.SubscriptionRepository;
import ai.paid.demo.dashboard.PaidMeters.Figure;
import ai.paid.demo.margin.Margins;
import ai.paid.demo.paid.EmbeddedPaid;
import ai.paid.demo.paid.PaidTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the page shows, in one JSON document it polls every second.
 */
@RestController
class DashboardController {

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final SubscriptionRepository subscriptions;

	private final AgentActivityRepository activity;

	private final SyncStates syncStates;

	private final PaidMeters meters;

	private final PaidTarget target;

	private final ObjectProvider<EmbeddedPaid> embedded;

	private final ObjectProvider<HealthEndpoint> health;

	private final CatalogView catalog;

	private final Margins margins;

	DashboardController(AccountRepository accounts, ContactRepository contacts, SubscriptionRepository subscriptions,
			AgentActivityRepository activity, SyncStates syncStates, PaidMeters meters, PaidTarget target,
			ObjectProvider<EmbeddedPaid> embedded, ObjectProvider<HealthEndpoint> health, CatalogView catalog,
			Margins margins) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.subscriptions = subscriptions;
		this.activity = activity;
		this.syncStates = syncStates;
		this.meters = meters;
		this.target = target;
		this.embedded = embedded;
		this.health = health;
		this.catalog = catalog;
		this.margins = margins;
	}

	@GetMapping("/api/dashboard")
	@Transactional(readOnly = true)
	Dashboard dashboard() {
		SyncStates.Snapshot sync = this.syncStates.snapshot();
		List<Account> allAccounts = this.accounts.findAllByOrderByCreatedAtAsc();
		List<AccountRow> accountRows = allAccounts
			.stream()
			.map((account) -> AccountRow.of(account, sync.of(SyncStates.CUSTOMER, account.getId())))
			.toList();
		List<ContactRow> contactRows = this.contacts.findAllByOrderByCreatedAtAsc()
			.stream()
			.map((contact) -> ContactRow.of(contact, sync.of(SyncStates.CONTACT, contact.getId())))
			.toList();
		List<OrderRow> orderRows = this.subscriptions.findAllByOrderByCreatedAtAsc()
			.stream()
			.map((subscription) -> OrderRow.of(subscription, sync.of(SyncStates.ORDER, subscription.getId())))
			.toList();
		List<SignalRow> signalRows = this.activity.findTop30ByOrderByIdDesc().stream().map(SignalRow::of).toList();
		return new Dashboard(paid(), this.catalog.products(), accountRows, contactRows, orderRows, signalRows,
				this.activity.count(), this.meters.figures("paid.outbox."), this.meters.figures("paid.signals."),
				paidSyncHealth(), this.margins.of(allAccounts), this.meters.figures("paid.costs."));
	}

	private PaidView paid() {
		EmbeddedPaid mock = this.embedded.getIfAvailable();
		if (mock == null) {
			return new PaidView(false, this.target.baseUrl(), null, null);
		}
		return new PaidView(true, this.target.baseUrl(), mock.failingUntil(), mock.signalsIngested());
	}

	private HealthView paidSyncHealth() {
		HealthEndpoint endpoint = this.health.getIfAvailable();
		HealthDescriptor descriptor = (endpoint != null) ? endpoint.healthForPath("paidSync") : null;
		if (descriptor == null) {
			return new HealthView("UNKNOWN", Map.of());
		}
		Map<String, Object> details = (descriptor instanceof IndicatedHealthDescriptor indicated)
				? indicated.getDetails() : Map.of();
		return new HealthView(descriptor.getStatus().getCode(), (details != null) ? details : Map.of());
	}

	record Dashboard(PaidView paid, List<CatalogView.ProductRow> products, List<AccountRow> accounts,
			List<ContactRow> contacts, List<OrderRow> orders, List<SignalRow> signals, long signalCount,
			List<Figure> outbox, List<Figure> signalMeters, HealthView health, List<Margins.Row> margins, List<Figure> costMeters) {
	}

	record PaidView(boolean embedded, String baseUrl, @Nullable Instant failingUntil,
			@Nullable Integer signalsIngested) {
	}

	record HealthView(String status, Map<String, Object> details) {
	}

	record AccountRow(String id, String name, @Nullable String email, @Nullable String website, SyncState sync) {

		static AccountRow of(Account account, SyncState sync) {
			return new AccountRow(account.getId(), account.getName(), account.getEmail(), account.getWebsite(), sync);
		}

	}

	record ContactRow(String id, String accountId, String accountName, String name, String email,
			@Nullable String title, SyncState sync) {

		static ContactRow of(Contact contact, SyncState sync) {
			return new ContactRow(contact.getId(), contact.getAccount().getId(), contact.getAccount().getName(),
					contact.getFullName(), contact.getEmail(), contact.getTitle(), sync);
		}

	}

	record OrderRow(String id, String accountId, String accountName, String plan, LocalDate startDate,
			LocalDate endDate, String currency, SyncState sync) {

		static OrderRow of(Subscription subscription, SyncState sync) {
			return new OrderRow(subscription.getId(), subscription.getAccount().getId(),
					subscription.getAccount().getName(), subscription.getPlan(), subscription.getStartDate(),
					subscription.getEndDate(), subscription.getCurrency(), sync);
		}

	}

	record SignalRow(String event, String accountId, String accountName, String contactName, String detail,
			Instant at) {

		static SignalRow of(AgentActivity activity) {
			return new SignalRow(activity.getSignal(), activity.getAccountId(), activity.getAccountName(),
					activity.getContactName(), activity.getDetail(), activity.getOccurredAt());
		}

	}

}
