package ai.paid.demo.crm;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates and changes accounts, contacts and subscriptions. Each method is one transaction: the change and what the
 * starter queues for Paid commit together or not at all.
 */
@Service
@Transactional
public class CrmService {

	private final AccountRepository accounts;

	private final ContactRepository contacts;

	private final SubscriptionRepository subscriptions;

	CrmService(AccountRepository accounts, ContactRepository contacts, SubscriptionRepository subscriptions) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.subscriptions = subscriptions;
	}

	public Account createAccount(String name, @Nullable String email, @Nullable String website,
			@Nullable String country, @Nullable String currency) {
		return this.accounts.save(new Account(required(name, "name"), email, website, country,
				(currency != null) ? currency : "USD"));
	}

	public Account updateAccount(String id, @Nullable String name, @Nullable String email, @Nullable String website,
			@Nullable String country) {
		Account account = account(id);
		if (name != null) {
			account.setName(required(name, "name"));
		}
		if (email != null) {
			account.setEmail(email);
		}
		if (website != null) {
			account.setWebsite(website);
		}
		if (country != null) {
			account.setCountry(country);
		}
		return account;
	}

	public Contact addContact(String accountId, String firstName, String lastName, String email,
			@Nullable String title) {
		return this.contacts.save(new Contact(account(accountId), required(firstName, "firstName"),
				required(lastName, "lastName"), required(email, "email"), title));
	}

	public Contact updateContact(String id, @Nullable String firstName, @Nullable String lastName,
			@Nullable String email, @Nullable String title) {
		Contact contact = contact(id);
		if (firstName != null) {
			contact.setFirstName(required(firstName, "firstName"));
		}
		if (lastName != null) {
			contact.setLastName(required(lastName, "lastName"));
		}
		if (email != null) {
			contact.setEmail(required(email, "email"));
		}
		if (title != null) {
			contact.setTitle(title);
		}
		return contact;
	}

	public Subscription subscribe(String accountId, @Nullable String billingContactId, Plan plan, LocalDate startDate,
			LocalDate endDate, String currency) {
		if (endDate.isBefore(startDate)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "endDate is before startDate");
		}
		Contact billingContact = (billingContactId != null) ? contact(billingContactId) : null;
		return this.subscriptions
			.save(new Subscription(account(accountId), billingContact, plan, startDate, endDate, currency));
	}

	@Transactional(readOnly = true)
	public Account account(String id) {
		return this.accounts.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id));
	}

	@Transactional(readOnly = true)
	public Contact contact(String id) {
		return this.contacts.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contact " + id));
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is required");
		}
		return value.strip();
	}

}
