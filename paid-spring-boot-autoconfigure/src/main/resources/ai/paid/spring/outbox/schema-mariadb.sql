-- Paid outbox schema for MariaDB 10.6+. Idempotent: safe to run on every start.
-- Copy into a Flyway migration or a Liquibase sqlFile change set to manage it yourself.

-- One row per pending change; deleted once Paid accepted it (SKIPPED rows are kept for audit).
-- No partial indexes here: pending_flag is 1 while the row is pending and NULL otherwise, and a unique index
-- ignores NULLs, so the index allows at most one pending row per entity.
CREATE TABLE IF NOT EXISTS paid_sync_outbox (
	id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
	lane_key         VARCHAR(200)  NOT NULL,
	entity_type      VARCHAR(32)   NOT NULL,
	entity_id        VARCHAR(191)  NOT NULL,
	op               VARCHAR(8)    NOT NULL,
	payload          MEDIUMTEXT,
	row_version      INT           NOT NULL DEFAULT 0,
	state            SMALLINT      NOT NULL DEFAULT 0,
	pending_flag     TINYINT AS (CASE WHEN state = 0 THEN 1 END) PERSISTENT,
	attempts         INT           NOT NULL DEFAULT 0,
	failures         INT           NOT NULL DEFAULT 0,
	created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	updated_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	last_error       VARCHAR(2000),
	last_http_status SMALLINT,
	UNIQUE KEY paid_sync_outbox_pending_entity (entity_type, entity_id, pending_flag),
	KEY paid_sync_outbox_lane (lane_key, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per lane (customer) that ever had work; holds the lease, backoff gate and park state.
CREATE TABLE IF NOT EXISTS paid_sync_lane (
	lane_key      VARCHAR(200) NOT NULL PRIMARY KEY,
	enq_seq       BIGINT       NOT NULL DEFAULT 0,
	pending_since DATETIME(6)  NULL,
	not_before    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	lease_owner   VARCHAR(64),
	lease_until   DATETIME(6)  NULL,
	lease_token   BIGINT       NOT NULL DEFAULT 0,
	parked_at     DATETIME(6)  NULL,
	park_reason   VARCHAR(2000),
	KEY paid_sync_lane_ready (pending_since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
