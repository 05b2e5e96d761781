package ai.paid.demo.agent;

import java.time.Instant;

import ai.paid.demo.billing.AgentPauseRepository;
import ai.paid.demo.crm.Contact;
import ai.paid.demo.crm.CrmService;
import ai.paid.demo.crm.Plan;
import ai.paid.demo.llm.EmailWriter;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.signal.PaidSignal;
import ai.paid.spring.signal.PaidSignals;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The AI SDR agent's billable work: every email it sends and every meeting it books is a Paid signal, attributed to
 * the contact's account (the Paid customer) and the AI SDR product. Emails are written by a Spring AI chat model;
 * the starter records what each call costs for the same customer, and the {@code email_sent} signal claims those
 * costs, so Paid shows what each email cost next to what it earned. It does no work for an account whose agent a
 * {@code billing-credits-depleted} webhook paused.
 */
@Service
public class SdrAgent {

	/** Paid's event name for an email the agent sent. */
	public static final String EMAIL_SENT = "email_sent";

	/** Paid's event name for a meeting the agent booked. */
	public static final String MEETING_BOOKED = "meeting_booked";

	private final CrmService crm;

	private final AgentActivityRepository activity;

	private final PaidSignals signals;

	private final EmailWriter writer;

	private final AgentPauseRepository pauses;

	SdrAgent(CrmService crm, AgentActivityRepository activity, PaidSignals signals, EmailWriter writer,
			AgentPauseRepository pauses) {
		this.crm = crm;
		this.pauses = pauses;
		this.activity = activity;
		this.signals = signals;
		this.writer = writer;
	}

	/**
	 * Writes an email to a contact with the chat model and emits {@code email_sent} with the costs of writing it.
	 * The model call runs in the account's {@link PaidContext}, so its token usage becomes a cost of that account;
	 * cost and signal are written in this transaction, so both reach Paid only if the email is recorded.
	 */
	@Transactional
	public AgentActivity sendEmail(String contactId, String subject) {
		Contact contact = this.crm.contact(contactId);
		return PaidContext.customer(contact.getAccount().getId()).product(Plan.AI_SDR_PRODUCT).get(() -> {
			String body = this.writer.write(contact, subject);
			AgentActivity sent = record(EMAIL_SENT, contact, subject + ": " + abbreviate(body));
			this.signals.emit(EMAIL_SENT).data("contact_id", contact.getId()).withCosts().send();
			return sent;
		});
	}

	private static String abbreviate(String text) {
		String line = text.strip().replace('\n', ' ');
		return (line.length() <= 120) ? line : line.substring(0, 117) + "...";
	}

	/**
	 * Books a meeting with a contact; {@code meeting_booked} is emitted when this method returns normally, in its
	 * transaction, billed to the meeting's account.
	 */
	@Transactional
	@PaidSignal(value = MEETING_BOOKED, customer = "#result.accountId", product = "'" + Plan.AI_SDR_PRODUCT + "'",
			data = "contact_id=#result.contactId")
	public Meeting bookMeeting(String contactId, Instant startsAt) {
		Contact contact = this.crm.contact(contactId);
		record(MEETING_BOOKED, contact, "Meeting on " + startsAt);
		return new Meeting(contact.getAccount().getId(), contact.getId(), startsAt);
	}

	private AgentActivity record(String signal, Contact contact, String detail) {
		this.pauses.findById(contact.getAccount().getId()).ifPresent((pause) -> {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The AI SDR agent of " + contact.getAccount().getName()
					+ " is paused: " + pause.getReason() + " (Paid webhook " + pause.getWebhook() + ")");
		});
		return this.activity.save(new AgentActivity(signal, contact.getAccount().getId(),
				contact.getAccount().getName(), contact.getId(), contact.getFullName(), detail, Instant.now()));
	}

}
