-- Shared by every service (from service-kit): the transactional outbox and the consumer inbox.
-- Version 0.x sorts before each service's own V1.. migrations.

CREATE TABLE outbox (
    position     BIGSERIAL PRIMARY KEY,              -- publication order; nextval at insert time
    event_id     UUID        NOT NULL UNIQUE,        -- ce_id: consumers deduplicate on it
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,               -- Kafka key = aggregate id, so per-aggregate order holds
    event_type   TEXT        NOT NULL,               -- ce_type
    subject      TEXT        NOT NULL,               -- ce_subject
    sequence     BIGINT      NOT NULL,               -- the aggregate's version after the change
    occurred_at  TIMESTAMPTZ NOT NULL,               -- ce_time
    payload      TEXT        NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
