package ai.paid.demo.billing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.paid.demo.crm.CrmService;
import ai.paid.demo.paid.EmbeddedPaid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page's billing panel: paused agents and paid invoices, buttons that make the embedded mock Paid send a signed
 * webhook to this application, and resuming an agent.
 */
@RestController
@RequestMapping("/api/billing")
class BillingController {

	private final AgentPauseRepository pauses;

	private final PaidInvoiceRepository invoices;

	private final CrmService crm;

	private final ObjectProvider<EmbeddedPaid> embedded;

	BillingController(AgentPauseRepository pauses, PaidInvoiceRepository invoices, CrmService crm,
			ObjectProvider<EmbeddedPaid> embedded) {
		this.pauses = pauses;
		this.invoices = invoices;
		this.crm = crm;
		this.embedded = embedded;
	}

	@GetMapping
	@Transactional(readOnly = true)
	Billing billing() {
		return new Billing(this.pauses.findAllByOrderByPausedAtDesc(), this.invoices.findTop20ByOrderByPaidAtDesc());
	}

	@PostMapping("/accounts/{accountId}/credits-depleted")
	Map<String, Object> depleteCredits(@PathVariable String accountId) {
		Map<String, Object> credits = new LinkedHashMap<>();
		credits.put("id", "cred_" + UUID.randomUUID().toString().substring(0, 8));
		credits.put("customerExternalId", account(accountId));
		credits.put("available", 0);
		return send("billing-credits-depleted", credits);
	}

	@PostMapping("/accounts/{accountId}/invoice-paid")
	Map<String, Object> payInvoice(@PathVariable String accountId) {
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("id", "inv_" + UUID.randomUUID().toString().substring(0, 8));
		invoice.put("customerExternalId", account(accountId));
		invoice.put("amount", "500.00");
		invoice.put("currency", "USD");
		return send("billing-invoice-paid", invoice);
	}

	@DeleteMapping("/pauses/{accountId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resume(@PathVariable String accountId) {
		this.pauses.deleteById(accountId);
	}

	private String account(String accountId) {
		return this.crm.account(accountId).getId();
	}

	private Map<String, Object> send(String event, Map<String, Object> payload) {
		EmbeddedPaid mock = this.embedded.getIfAvailable();
		if (mock == null) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"The demo talks to real Paid (PAID_API_KEY is set); only Paid sends webhooks there");
		}
		int status = mock.sendWebhook(event, payload);
		return Map.of("event", event, "status", status);
	}

	record Billing(List<AgentPause> pausedAgents, List<PaidInvoice> invoices) {
	}

}
