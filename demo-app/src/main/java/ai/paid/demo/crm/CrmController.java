package ai.paid.demo.crm;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API to create and change accounts, contacts and subscriptions.
 */
@RestController
@RequestMapping("/api")
class CrmController {

	private final CrmService crm;

	CrmController(CrmService crm) {
		this.crm = crm;
	}

	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView createAccount(@RequestBody AccountRequest request) {
		return AccountView.of(this.crm.createAccount(request.name(), request.email(), request.website(),
				request.country(), request.currency()));
	}

	@PatchMapping("/accounts/{id}")
	AccountView updateAccount(@PathVariable String id, @RequestBody AccountRequest request) {
		return AccountView
			.of(this.crm.updateAccount(id, request.name(), request.email(), request.website(), request.country()));
	}

	@PostMapping("/accounts/{accountId}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	ContactView addContact(@PathVariable String accountId, @RequestBody ContactRequest request) {
		return ContactView.of(this.crm.addContact(accountId, request.firstName(), request.lastName(),
				request.email(), request.title()));
	}

	@PatchMapping("/contacts/{id}")
	ContactView updateContact(@PathVariable String id, @RequestBody ContactRequest request) {
		return ContactView.of(this.crm.updateContact(id, request.firstName(), request.lastName(), request.email(),
				request.title()));
	}

	@PostMapping("/accounts/{accountId}/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	SubscriptionView subscribe(@PathVariable String accountId, @RequestBody SubscriptionRequest request) {
		LocalDate start = (request.startDate() != null) ? request.startDate() : LocalDate.now();
		LocalDate end = (request.endDate() != null) ? request.endDate() : start.plusYears(1).minusDays(1);
		return SubscriptionView.of(this.crm.subscribe(accountId, request.billingContactId(), Plan.AI_SDR_PRO, start,
				end, (request.currency() != null) ? request.currency() : "USD"));
	}

	record AccountRequest(@Nullable String name, @Nullable String email, @Nullable String website,
			@Nullable String country, @Nullable String currency) {
	}

	record ContactRequest(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String title) {
	}

	record SubscriptionRequest(@Nullable String billingContactId, @Nullable LocalDate startDate,
			@Nullable LocalDate endDate, @Nullable String currency) {
	}

	record AccountView(String id, String name, @Nullable String email, @Nullable String website) {

		static AccountView of(Account account) {
			return new AccountView(account.getId(), account.getName(), account.getEmail(), account.getWebsite());
		}

	}

	record ContactView(String id, String accountId, String name, String email, @Nullable String title) {

		static ContactView of(Contact contact) {
			return new ContactView(contact.getId(), contact.getAccount().getId(), contact.getFullName(),
					contact.getEmail(), contact.getTitle());
		}

	}

	record SubscriptionView(String id, String accountId, String plan, LocalDate startDate, LocalDate endDate,
			String currency) {

		static SubscriptionView of(Subscription subscription) {
			return new SubscriptionView(subscription.getId(), subscription.getAccount().getId(),
					subscription.getPlan(), subscription.getStartDate(), subscription.getEndDate(),
					subscription.getCurrency());
		}

	}

}
