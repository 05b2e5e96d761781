-- Paid webhook inbox for H2 2.x. Idempotent: safe to run on every start.
-- Copy into a Flyway migration or a Liquibase sqlFile change set to manage it yourself.

-- One row per webhook event (not per delivery): a redelivery finds its row by dedup_key and only counts itself.
-- state: 0 pending, 1 handled, 2 parked, 3 skipped. Instants are epoch milliseconds from the instances' clocks.
CREATE TABLE IF NOT EXISTS paid_webhook_inbox (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	dedup_key   VARCHAR(191)  NOT NULL,
	event_name  VARCHAR(64)   NOT NULL,
	body        CHARACTER LARGE OBJECT NOT NULL,
	state       SMALLINT      DEFAULT 0 NOT NULL,
	attempts    INT           DEFAULT 0 NOT NULL,
	deliveries  INT           DEFAULT 1 NOT NULL,
	received_at BIGINT        NOT NULL,
	not_before  BIGINT        NOT NULL,
	lease_owner VARCHAR(64),
	lease_until BIGINT,
	finished_at BIGINT,
	last_error  VARCHAR(2000),
	CONSTRAINT paid_webhook_inbox_dedup UNIQUE (dedup_key)
);
CREATE INDEX IF NOT EXISTS paid_webhook_inbox_due ON paid_webhook_inbox (state, not_before, id);
CREATE INDEX IF NOT EXISTS paid_webhook_inbox_finished ON paid_webhook_inbox (state, finished_at);
