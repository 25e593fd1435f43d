-- What notification-service knows of patents (titles in every language, for alerts and message texts).
CREATE TABLE patent_info (
    id                 UUID PRIMARY KEY,
    publication_number TEXT       NOT NULL,
    owner_id           UUID       NOT NULL,
    titles             JSONB      NOT NULL,
    jurisdiction       VARCHAR(2) NOT NULL,
    ipc_classes        JSONB      NOT NULL,
    deal_types         JSONB      NOT NULL,
    catalog_version    BIGINT     NOT NULL
);

-- Every event received, as a CloudEvent in JSON structured form: the source of webhook bodies and replays.
CREATE TABLE event_log (
    event_id    UUID PRIMARY KEY,
    topic       TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    cloud_event TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX event_log_time ON event_log (occurred_at);
CREATE INDEX event_log_subject ON event_log (subject, occurred_at);

-- In-app inbox: one item per recipient and event.
CREATE TABLE inbox_item (
    id          UUID PRIMARY KEY,
    partner_id  UUID        NOT NULL,
    event_id    UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    subject_id  TEXT        NOT NULL,
    language    TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    CONSTRAINT inbox_once_per_event UNIQUE (partner_id, event_id)
);
CREATE INDEX inbox_page ON inbox_item (partner_id, created_at DESC, id DESC);
CREATE INDEX inbox_unread ON inbox_item (partner_id) WHERE read_at IS NULL;

CREATE TABLE alert_subscription (
    id            UUID PRIMARY KEY,
    partner_id    UUID        NOT NULL,
    ipc_prefixes  JSONB       NOT NULL,
    jurisdictions JSONB       NOT NULL,
    deal_types    JSONB       NOT NULL,
    keywords      JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_partner ON alert_subscription (partner_id);

CREATE TABLE webhook_subscription (
    id                      UUID PRIMARY KEY,
    owner_id                UUID        NOT NULL,
    url                     TEXT        NOT NULL,
    event_types             JSONB       NOT NULL,
    countries               JSONB       NOT NULL,
    deal_types              JSONB       NOT NULL,
    secret                  TEXT        NOT NULL,
    previous_secret         TEXT,
    previous_secret_until   TIMESTAMPTZ,
    enabled                 BOOLEAN     NOT NULL,
    disabled_reason         TEXT,
    consecutive_failures    INT         NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL
);
CREATE INDEX webhook_owner ON webhook_subscription (owner_id);

-- The durable delivery queue for email and webhooks: claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    channel         TEXT        NOT NULL,               -- EMAIL | WEBHOOK
    target_id       UUID        NOT NULL,               -- partner id (email) or webhook subscription id
    event_id        UUID        NOT NULL,               -- also the webhook-id header: stable across retries
    event_type      TEXT        NOT NULL,
    address         TEXT        NOT NULL,               -- email address or URL
    subject         TEXT,
    body            TEXT        NOT NULL,               -- email text or webhook JSON
    html            TEXT,
    language        TEXT,
    status          TEXT        NOT NULL,               -- PENDING | SENDING | RETRYING | DELIVERED | DEAD
    attempts        INT         NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (channel, target_id, event_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING', 'SENDING');
CREATE INDEX delivery_target ON delivery (target_id, created_at DESC);

CREATE TABLE delivery_attempt (
    id          UUID PRIMARY KEY,
    delivery_id UUID        NOT NULL REFERENCES delivery (id),
    at          TIMESTAMPTZ NOT NULL,
    status_code INT,
    latency_ms  BIGINT      NOT NULL,
    error       TEXT
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, at);
