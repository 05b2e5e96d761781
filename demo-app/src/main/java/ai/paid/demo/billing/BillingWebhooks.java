package ai.paid.demo.billing;

import java.time.Instant;

import ai.paid.spring.webhook.PaidCreditsDepletedEvent;
import ai.paid.spring.webhook.PaidInvoicePaidEvent;
import ai.paid.spring.webhook.PaidWebhookListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's webhook handlers. Each runs once per event, after Paid's delivery was verified and stored, in the
 * transaction that marks it handled (so the pause or the invoice row commits exactly once with it). Paid does not
 * document the payloads' fields: the account is read from {@code customerExternalId} (inferred; the embedded mock
 * sends it), the invoice's amount from {@code amount} and {@code currency}.
 */
@Component
class BillingWebhooks {

	private static final Log logger = LogFactory.getLog(BillingWebhooks.class);

	private final AgentPauseRepository pauses;

	private final PaidInvoiceRepository invoices;

	BillingWebhooks(AgentPauseRepository pauses, PaidInvoiceRepository invoices) {
		this.pauses = pauses;
		this.invoices = invoices;
	}

	@PaidWebhookListener("billing-credits-depleted")
	void pauseAgent(PaidCreditsDepletedEvent event) {
		String account = account(event.credits());
		if (account == null) {
			logger.warn("billing-credits-depleted without customerExternalId; cannot tell which agent to pause");
			return;
		}
		this.pauses.save(new AgentPause(account, "Credits depleted", event.delivery().dedupKey(), Instant.now()));
		logger.info("Paused the AI SDR agent of account " + account + ": its Paid credits ran out");
	}

	@EventListener
	void showInvoice(PaidInvoicePaidEvent event) {
		JsonNode invoice = event.invoice();
		String id = text(invoice, "id");
		if (id == null) {
			logger.warn("billing-invoice-paid without an invoice id");
			return;
		}
		Instant paidAt = (event.timestamp() != null) ? event.timestamp() : Instant.now();
		this.invoices.save(new PaidInvoice(id, account(invoice), text(invoice, "amount"), text(invoice, "currency"),
				paidAt));
	}

	private static @Nullable String account(JsonNode payload) {
		return text(payload, "customerExternalId");
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

}
