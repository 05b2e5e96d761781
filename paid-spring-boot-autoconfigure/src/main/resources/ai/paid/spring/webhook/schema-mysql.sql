-- Paid webhook inbox for MySQL 8.0+. Idempotent: safe to run on every start.
-- Copy into a Flyway migration or a Liquibase sqlFile change set to manage it yourself.

-- One row per webhook event (not per delivery): a redelivery finds its row by dedup_key and only counts itself.
-- state: 0 pending, 1 handled, 2 parked, 3 skipped. Instants are epoch milliseconds from the instances' clocks.
CREATE TABLE IF NOT EXISTS paid_webhook_inbox (
	id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
	dedup_key   VARCHAR(191)  NOT NULL,
	event_name  VARCHAR(64)   NOT NULL,
	body        MEDIUMTEXT    NOT NULL,
	state       SMALLINT      NOT NULL DEFAULT 0,
	attempts    INT           NOT NULL DEFAULT 0,
	deliveries  INT           NOT NULL DEFAULT 1,
	received_at BIGINT        NOT NULL,
	not_before  BIGINT        NOT NULL,
	lease_owner VARCHAR(64),
	lease_until BIGINT,
	finished_at BIGINT,
	last_error  VARCHAR(2000),
	UNIQUE KEY paid_webhook_inbox_dedup (dedup_key),
	KEY paid_webhook_inbox_due (state, not_before, id),
	KEY paid_webhook_inbox_finished (state, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
