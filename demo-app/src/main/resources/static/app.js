// The demo page: polls /api/dashboard every second and renders it; the buttons call the demo's REST API.
'use strict';

const state = { editingAccount: null, data: null };

const $ = (id) => document.getElementById(id);

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function ago(iso) {
	const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
	if (seconds < 60) return seconds + 's ago';
	if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
	return new Date(iso).toLocaleString();
}

function syncCell(sync) {
	const label = { synced: 'synced', pending: 'pending', parked: 'parked', unknown: 'unknown' }[sync.state] || sync.state;
	let detail = '';
	if (sync.paidId) detail += `<span class="sync-detail id">${esc(sync.paidId)}</span>`;
	if (sync.error) detail += `<span class="sync-detail ${sync.state === 'parked' ? 'error' : ''}">${esc(sync.error)}</span>`;
	return `<span class="sync ${esc(sync.state)}">${esc(label)}</span>${detail}`;
}

// Replaces an element's content only when it changed, so a button is not swapped under the pointer every second.
const rendered = new Map();

function setHtml(element, html) {
	if (rendered.get(element) !== html) {
		element.innerHTML = html;
		rendered.set(element, html);
	}
}

function emptyRow(columns, text) {
	return `<tr><td colspan="${columns}" class="empty">${esc(text)}</td></tr>`;
}

function renderAccounts(accounts) {
	if (state.editingAccount) return; // keep the rename field as the person left it
	setHtml($('accounts'), accounts.length === 0 ? emptyRow(5, 'No accounts yet') : accounts.map((a) => `
		<tr data-id="${esc(a.id)}" data-name="${esc(a.name)}">
			<td class="name">${esc(a.name)}</td>
			<td>${esc(a.email)}</td>
			<td class="id">${esc(a.id)}</td>
			<td class="sync-cell">${syncCell(a.sync)}</td>
			<td class="actions"><button type="button" data-action="rename" data-id="${esc(a.id)}">Rename</button></td>
		</tr>`).join(''));
}

function renderContacts(contacts) {
	setHtml($('contacts'), contacts.length === 0 ? emptyRow(6, 'No contacts yet') : contacts.map((c) => `
		<tr data-id="${esc(c.id)}">
			<td>${esc(c.name)}<div class="id">${esc(c.id)}</div></td>
			<td>${esc(c.title)}</td>
			<td>${esc(c.accountName)}</td>
			<td>${esc(c.email)}</td>
			<td class="sync-cell">${syncCell(c.sync)}</td>
			<td class="actions">
				<button type="button" data-action="email" data-id="${esc(c.id)}">Send email</button>
				<button type="button" data-action="meeting" data-id="${esc(c.id)}">Book meeting</button>
			</td>
		</tr>`).join(''));
}

function renderOrders(orders) {
	setHtml($('orders'), orders.length === 0 ? emptyRow(5, 'No subscriptions yet') : orders.map((o) => `
		<tr data-id="${esc(o.id)}">
			<td>${esc(o.plan)}<div class="id">${esc(o.id)}</div></td>
			<td>${esc(o.accountName)}</td>
			<td>${esc(o.startDate)} → ${esc(o.endDate)}</td>
			<td>${esc(o.currency)}</td>
			<td class="sync-cell">${syncCell(o.sync)}</td>
		</tr>`).join(''));
}

function renderProducts(products) {
	setHtml($('products'), products.length === 0 ? '<p class="empty">No products declared</p>' : products.map((p) => `
		<div class="product" data-id="${esc(p.externalId)}">
			<h3>${esc(p.name)} <span class="id">${esc(p.externalId)}${p.paidId ? ' · ' + esc(p.paidId) : ''}</span>
				<span class="sync ${p.status === 'in sync' || p.status === 'created' || p.status === 'updated' ? 'synced' : 'parked'}">${esc(p.status)}</span></h3>
			<table>
				<thead><tr><th>Price</th><th>Amount</th><th>Kind</th></tr></thead>
				<tbody>${p.prices.map((price) => `
					<tr class="price"><td>${esc(price.name)}</td><td>${esc(price.price)}</td><td>${esc(price.kind)}</td></tr>`).join('')}
				</tbody>
			</table>
			${p.differences.length ? `<p class="subtle">${p.differences.map(esc).join('<br>')}</p>` : ''}
		</div>`).join(''));
}

function renderSignals(signals, count, ingested) {
	$('signal-count').textContent = ingested === null || ingested === undefined
		? `(${count})` : `(${count} emitted · ${ingested} ingested by the mock Paid)`;
	$('signals').innerHTML = signals.length === 0 ? '<li class="empty">No signals yet</li>' : signals.map((s) => `
		<li>
			<span class="event ${esc(s.event)}">${esc(s.event)}</span>
			<span>${esc(s.accountName)} · ${esc(s.contactName)}<br><span class="subtle">${esc(s.detail)}</span></span>
			<span class="when">${esc(ago(s.at))}</span>
		</li>`).join('');
}

function renderMargins(margins) {
	setHtml($('margins'), margins.length === 0 ? emptyRow(8, 'No accounts yet') : margins.map((m) => `
		<tr data-account="${esc(m.accountId)}">
			<td>${esc(m.accountName)}</td>
			<td>${esc(m.emails)}</td>
			<td>${esc(m.meetings)}</td>
			<td class="revenue">$${esc(Number(m.revenue).toFixed(2))}</td>
			<td>${esc(m.llmCalls)}</td>
			<td>${esc(m.llmTokens)}</td>
			<td class="llm-cost">$${esc(Number(m.llmCost).toFixed(4))}</td>
			<td class="margin">$${esc(Number(m.margin).toFixed(4))}</td>
		</tr>`).join(''));
}

function renderFigures(element, figures, emptyText) {
	element.innerHTML = figures.length === 0 ? `<dt class="empty">${esc(emptyText)}</dt><dd></dd>`
		: figures.map((f) => `<dt>${esc(f.name)}</dt><dd>${esc(Number.isInteger(f.value) ? f.value : f.value.toFixed(2))}`
			+ `${f.detail ? `<span class="subtle"> · ${esc(f.detail)}</span>` : ''}</dd>`).join('');
}

function renderHealth(health) {
	const element = $('health');
	const degraded = health.details && health.details.degraded === true;
	element.textContent = `health paidSync: ${health.status}${degraded ? ' (degraded)' : ''}`;
	element.className = 'pill ' + (health.status === 'UP' && !degraded ? 'up' : health.status === 'UNKNOWN' ? ''
		: health.status === 'DOWN' ? 'down' : 'warn');
	$('health-details').innerHTML = Object.entries(health.details || {})
		.map(([k, v]) => `<span><b>${esc(k)}</b> ${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</span>`).join('');
}

function renderPaid(paid) {
	const target = $('paid-target');
	target.textContent = paid.embedded ? `embedded mock Paid · ${paid.baseUrl}` : `real Paid · ${paid.baseUrl}`;
	target.className = 'pill ' + (paid.embedded ? '' : 'up');
	const button = $('outage');
	button.hidden = !paid.embedded;
	const failing = paid.failingUntil && Date.parse(paid.failingUntil) > Date.now();
	button.disabled = failing;
	$('outage-status').textContent = failing
		? `Paid answers 503 for ${Math.ceil((Date.parse(paid.failingUntil) - Date.now()) / 1000)} more seconds`
		: '';
}

function render(data) {
	state.data = data;
	renderPaid(data.paid);
	renderProducts(data.products);
	renderAccounts(data.accounts);
	renderContacts(data.contacts);
	renderOrders(data.orders);
	renderSignals(data.signals, data.signalCount, data.paid.signalsIngested);
	renderFigures($('outbox'), data.outbox, 'no paid.outbox meters yet');
	renderFigures($('signal-meters'), data.signalMeters, 'no paid.signals meters yet');
	renderMargins(data.margins);
	renderFigures($('cost-meters'), data.costMeters, 'no paid.costs meters yet');
	renderHealth(data.health);
}

async function refresh() {
	try {
		const response = await fetch('api/dashboard', { cache: 'no-store' });
		if (!response.ok) throw new Error('dashboard: HTTP ' + response.status);
		render(await response.json());
	} catch (e) {
		$('paid-target').textContent = 'demo app not reachable';
	}
}

function showError(message) {
	const toast = $('error');
	toast.textContent = message;
	toast.hidden = false;
	setTimeout(() => { toast.hidden = true; }, 5000);
}

async function call(method, url, body) {
	const response = await fetch(url, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) {
		let message = `${method} ${url}: HTTP ${response.status}`;
		try { const problem = await response.json(); message = problem.detail || problem.message || message; } catch (ignored) { /* not JSON */ }
		throw new Error(message);
	}
	return response.status === 204 ? null : response.json();
}

async function act(work) {
	try {
		await work();
	} catch (e) {
		showError(e.message);
	}
	await refresh();
}

function startRename(id) {
	const row = document.querySelector(`#accounts tr[data-id="${CSS.escape(id)}"]`);
	if (!row) return;
	state.editingAccount = id;
	rendered.delete($('accounts')); // the rename field replaces the rendered row
	row.querySelector('.name').innerHTML = `<input class="rename" value="${esc(row.dataset.name)}">`;
	row.querySelector('.actions').innerHTML = `<button type="button" data-action="save" data-id="${esc(id)}">Save</button>
		<button type="button" data-action="cancel">Cancel</button>`;
	const input = row.querySelector('input.rename');
	input.focus();
	input.select();
	input.addEventListener('keydown', (e) => {
		if (e.key === 'Enter') saveRename(id);
		if (e.key === 'Escape') cancelRename();
	});
}

function saveRename(id) {
	const input = document.querySelector('#accounts input.rename');
	const name = input ? input.value.trim() : '';
	state.editingAccount = null;
	if (name) act(() => call('PATCH', `api/accounts/${encodeURIComponent(id)}`, { name }));
}

function cancelRename() {
	state.editingAccount = null;
	refresh();
}

document.addEventListener('click', (event) => {
	const button = event.target.closest('button[data-action]');
	if (!button) return;
	const id = button.dataset.id;
	switch (button.dataset.action) {
		case 'rename': startRename(id); break;
		case 'save': saveRename(id); break;
		case 'cancel': cancelRename(); break;
		case 'email':
			act(() => call('POST', `api/contacts/${encodeURIComponent(id)}/emails`, { subject: 'Quick follow-up from your AI SDR' }));
			break;
		case 'meeting': act(() => call('POST', `api/contacts/${encodeURIComponent(id)}/meetings`, {})); break;
	}
});

$('new-account').addEventListener('submit', (event) => {
	event.preventDefault();
	const value = (id) => $(id).value.trim() || undefined;
	const name = value('new-account-name');
	const first = value('new-contact-first');
	const last = value('new-contact-last');
	const contactEmail = value('new-contact-email');
	const subscribe = $('new-account-subscribe').checked;
	act(async () => {
		const currency = value('new-account-currency');
		const account = await call('POST', 'api/accounts', { name, email: value('new-account-email'), currency });
		let contact = null;
		if (first && last && contactEmail) {
			contact = await call('POST', `api/accounts/${encodeURIComponent(account.id)}/contacts`,
				{ firstName: first, lastName: last, email: contactEmail });
		}
		if (subscribe) {
			await call('POST', `api/accounts/${encodeURIComponent(account.id)}/subscriptions`,
				{ billingContactId: contact ? contact.id : undefined, currency: currency || 'USD' });
		}
		event.target.reset();
		$('new-account-subscribe').checked = true;
	});
});

function accountName(id) {
	const account = state.data && state.data.accounts.find((a) => a.id === id);
	return account ? account.name : id;
}

function renderBilling(billing) {
	const select = $('billing-account');
	const accounts = state.data ? state.data.accounts : [];
	const chosen = select.value;
	const options = accounts.map((a) => `<option value="${esc(a.id)}">${esc(a.name)}</option>`).join('');
	if (select.dataset.options !== options) {
		select.innerHTML = options;
		select.dataset.options = options;
		if (accounts.some((a) => a.id === chosen)) select.value = chosen;
	}
	const embedded = state.data && state.data.paid.embedded;
	$('deplete-credits').hidden = !embedded;
	$('pay-invoice').hidden = !embedded;
	setHtml($('paused-agents'), billing.pausedAgents.length === 0 ? emptyRow(4, 'No paused agents') : billing.pausedAgents.map((p) => `
		<tr data-id="${esc(p.accountId)}">
			<td>${esc(accountName(p.accountId))}<div class="id">${esc(p.accountId)}</div></td>
			<td>${esc(p.reason)}</td>
			<td class="id">${esc(p.webhook)}</td>
			<td class="actions"><button type="button" data-action="resume" data-id="${esc(p.accountId)}">Resume agent</button></td>
		</tr>`).join(''));
	setHtml($('invoices'), billing.invoices.length === 0 ? emptyRow(4, 'No paid invoices yet') : billing.invoices.map((i) => `
		<tr data-id="${esc(i.id)}">
			<td class="id">${esc(i.id)}</td>
			<td>${esc(accountName(i.accountId))}</td>
			<td>${esc(i.amount)} ${esc(i.currency)}</td>
			<td>${esc(ago(i.paidAt))}</td>
		</tr>`).join(''));
}

async function refreshBilling() {
	try {
		const response = await fetch('api/billing', { cache: 'no-store' });
		if (response.ok) renderBilling(await response.json());
	} catch (e) {
		// the dashboard's refresh reports connection problems
	}
}

function billingAction(path) {
	const account = $('billing-account').value;
	if (!account) { showError('Create an account first'); return; }
	act(() => call('POST', `api/billing/accounts/${encodeURIComponent(account)}/${path}`));
}

$('deplete-credits').addEventListener('click', () => billingAction('credits-depleted'));
$('pay-invoice').addEventListener('click', () => billingAction('invoice-paid'));
document.addEventListener('click', (event) => {
	const button = event.target.closest('button[data-action="resume"]');
	if (button) act(() => call('DELETE', `api/billing/pauses/${encodeURIComponent(button.dataset.id)}`));
});

$('outage').addEventListener('click', () => act(() => call('POST', 'api/paid/outage?seconds=30')));

refresh();
setInterval(refresh, 1000);
refreshBilling();
setInterval(refreshBilling, 1000);
