-- Paid sync schema for MariaDB 10.6+. Idempotent: safe to run on every start.
-- Copy into a Flyway migration or a Liquibase sqlFile change set to manage it yourself. The outbox's tables are in
-- ai/paid/spring/outbox/schema-mariadb.sql.

-- Maps an application entity to its Paid id (used by the entity sync).
CREATE TABLE IF NOT EXISTS paid_sync_link (
	entity_type VARCHAR(32)  NOT NULL,
	entity_id   VARCHAR(191) NOT NULL,
	paid_id     VARCHAR(128) NOT NULL,
	updated_at  DATETIME(6)  NOT NULL,
	PRIMARY KEY (entity_type, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Progress of backfills (initial sync of existing entities), one row per entity; a restarted backfill continues here.
CREATE TABLE IF NOT EXISTS paid_sync_backfill (
	entity_name   VARCHAR(191) NOT NULL PRIMARY KEY,
	paid_type     VARCHAR(32)  NOT NULL,
	state         VARCHAR(16)  NOT NULL,
	last_id       VARCHAR(191),
	done_count    BIGINT       NOT NULL DEFAULT 0,
	total_count   BIGINT       NOT NULL DEFAULT 0,
	skipped_count BIGINT       NOT NULL DEFAULT 0,
	updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
