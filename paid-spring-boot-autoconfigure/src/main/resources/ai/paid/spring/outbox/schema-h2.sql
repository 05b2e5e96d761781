-- Paid outbox schema for H2 2.x. Idempotent: safe to run on every start.

-- One row per pending change; deleted once Paid accepted it (SKIPPED rows are kept for audit).
-- No partial indexes in H2: pending_flag is 1 while the row is pending and NULL otherwise, and a unique constraint
-- ignores NULLs, so it allows at most one pending row per entity.
CREATE TABLE IF NOT EXISTS paid_sync_outbox (
	id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	lane_key         VARCHAR(200)  NOT NULL,
	entity_type      VARCHAR(32)   NOT NULL,
	entity_id        VARCHAR(191)  NOT NULL,
	op               VARCHAR(8)    NOT NULL,
	payload          CHARACTER LARGE OBJECT,
	row_version      INT           DEFAULT 0 NOT NULL,
	state            SMALLINT      DEFAULT 0 NOT NULL,
	pending_flag     SMALLINT GENERATED ALWAYS AS (CASE WHEN state = 0 THEN 1 END),
	attempts         INT           DEFAULT 0 NOT NULL,
	failures         INT           DEFAULT 0 NOT NULL,
	created_at       TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
	updated_at       TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
	last_error       VARCHAR(2000),
	last_http_status SMALLINT,
	CONSTRAINT paid_sync_outbox_pending_entity UNIQUE (entity_type, entity_id, pending_flag)
);
CREATE INDEX IF NOT EXISTS paid_sync_outbox_lane ON paid_sync_outbox (lane_key, id);

-- One row per lane (customer) that ever had work; holds the lease, backoff gate and park state.
CREATE TABLE IF NOT EXISTS paid_sync_lane (
	lane_key      VARCHAR(200) PRIMARY KEY,
	enq_seq       BIGINT       DEFAULT 0 NOT NULL,
	pending_since TIMESTAMP(6) WITH TIME ZONE,
	not_before    TIMESTAMP(6) WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
	lease_owner   VARCHAR(64),
	lease_until   TIMESTAMP(6) WITH TIME ZONE,
	lease_token   BIGINT       DEFAULT 0 NOT NULL,
	parked_at     TIMESTAMP(6) WITH TIME ZONE,
	park_reason   VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS paid_sync_lane_ready ON paid_sync_lane (pending_since);
