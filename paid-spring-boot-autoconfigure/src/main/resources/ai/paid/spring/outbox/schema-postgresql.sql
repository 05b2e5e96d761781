-- Paid outbox schema for PostgreSQL. Idempotent: safe to run on every start.
-- Copy into a Flyway migration or a Liquibase sqlFile change set to manage it yourself.

-- One row per pending change; deleted once Paid accepted it (SKIPPED rows are kept for audit).
CREATE TABLE IF NOT EXISTS paid_sync_outbox (
	id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	lane_key         VARCHAR(200)  NOT NULL,
	entity_type      VARCHAR(32)   NOT NULL,
	entity_id        VARCHAR(191)  NOT NULL,
	op               VARCHAR(8)    NOT NULL,
	payload          TEXT,
	row_version      INT           NOT NULL DEFAULT 0,
	state            SMALLINT      NOT NULL DEFAULT 0,
	attempts         INT           NOT NULL DEFAULT 0,
	failures         INT           NOT NULL DEFAULT 0,
	created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
	updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
	last_error       VARCHAR(2000),
	last_http_status SMALLINT
);
-- At most one pending row per entity: the target of write-time coalescing.
CREATE UNIQUE INDEX IF NOT EXISTS paid_sync_outbox_pending_entity
	ON paid_sync_outbox (entity_type, entity_id) WHERE state = 0;
-- Reads a lane in order.
CREATE INDEX IF NOT EXISTS paid_sync_outbox_lane ON paid_sync_outbox (lane_key, id);

-- One row per lane (customer) that ever had work; holds the lease, backoff gate and park state.
CREATE TABLE IF NOT EXISTS paid_sync_lane (
	lane_key      VARCHAR(200) PRIMARY KEY,
	enq_seq       BIGINT       NOT NULL DEFAULT 0,
	pending_since TIMESTAMPTZ,
	not_before    TIMESTAMPTZ  NOT NULL DEFAULT now(),
	lease_owner   VARCHAR(64),
	lease_until   TIMESTAMPTZ,
	lease_token   BIGINT       NOT NULL DEFAULT 0,
	parked_at     TIMESTAMPTZ,
	park_reason   VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS paid_sync_lane_ready ON paid_sync_lane (pending_since)
	WHERE pending_since IS NOT NULL AND parked_at IS NULL;
