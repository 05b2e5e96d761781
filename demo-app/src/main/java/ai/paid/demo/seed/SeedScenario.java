package ai.paid.demo.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import ai.paid.demo.agent.SdrAgent;
import ai.paid.demo.crm.Account;
import ai.paid.demo.crm.AccountRepository;
import ai.paid.demo.crm.Contact;
import ai.paid.demo.crm.CrmService;
import ai.paid.demo.crm.Plan;
import ai.paid.demo.crm.Subscription;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays the seed scenario on the first start (an empty database): John Doe, VP of Sales at Acme Ltd, signs up for the
 * AI SDR - Pro plan from 2025-06-01 to 2026-05-31 in USD; then the agent sends him a few emails and books a meeting.
 * Off with {@code demo.seed.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "demo.seed.enabled", matchIfMissing = true)
class SeedScenario implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(SeedScenario.class);

	private final AccountRepository accounts;

	private final CrmService crm;

	private final SdrAgent agent;

	private final TransactionTemplate transaction;

	SeedScenario(AccountRepository accounts, CrmService crm, SdrAgent agent, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.crm = crm;
		this.agent = agent;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.count() > 0) {
			logger.info("Seed scenario skipped: the database already has accounts");
			return;
		}
		// the sign-up is one business transaction: Paid receives customer, contact and order, in that order
		Contact john = this.transaction.execute((status) -> {
			Account acme = this.crm.createAccount("Acme Ltd", "billing@acme.com", "https://acme.com", "US", "USD");
			Contact contact = this.crm.addContact(acme.getId(), "John", "Doe", "john.doe@acme.com", "VP of Sales");
			Subscription pro = this.crm.subscribe(acme.getId(), contact.getId(), Plan.AI_SDR_PRO,
					LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31), "USD");
			logger.info("Seed scenario: " + acme.getName() + " (" + acme.getId() + "), " + contact.getFullName()
					+ " (" + contact.getId() + "), " + pro.getPlan() + " (" + pro.getId() + ")");
			return contact;
		});
		this.agent.sendEmail(john.getId(), "Intro: booking more meetings for Acme's sales team");
		this.agent.sendEmail(john.getId(), "Case study: how teams like yours doubled their pipeline");
		this.agent.sendEmail(john.getId(), "Re: pricing and next steps");
		this.agent.bookMeeting(john.getId(), LocalDate.now().plusDays(2).atTime(15, 0).toInstant(ZoneOffset.UTC));
		logger.info("Seed scenario: 3 emails sent and 1 meeting booked for " + john.getFullName());
	}

}
