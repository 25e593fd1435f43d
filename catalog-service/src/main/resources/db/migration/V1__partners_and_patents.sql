CREATE TABLE partner (
    id            UUID PRIMARY KEY,
    legal_name    TEXT        NOT NULL,
    local_names   JSONB       NOT NULL,
    kind          TEXT        NOT NULL,
    country       VARCHAR(2)     NOT NULL,
    languages     JSONB       NOT NULL,
    time_zone     TEXT        NOT NULL,
    contact_email TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);
CREATE INDEX partner_country ON partner (country);

CREATE TABLE patent (
    id                    UUID PRIMARY KEY,
    publication_number    TEXT        NOT NULL UNIQUE,
    owner_id              UUID        NOT NULL REFERENCES partner (id),
    titles                JSONB       NOT NULL,
    abstracts             JSONB       NOT NULL,
    ipc_classes           JSONB       NOT NULL,
    cpc_classes           JSONB       NOT NULL,
    jurisdiction          VARCHAR(2)     NOT NULL,
    family_coverage       JSONB       NOT NULL,
    filing_date           DATE        NOT NULL,
    grant_date            DATE,
    expiry_date           DATE        NOT NULL,
    legal_status          TEXT        NOT NULL,
    export_class          TEXT        NOT NULL,
    deal_types            JSONB       NOT NULL,
    asking_price_amount   NUMERIC(19, 2),
    asking_price_currency VARCHAR(3),
    target_territories    JSONB       NOT NULL,
    status                TEXT        NOT NULL,
    listed_at             TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE INDEX patent_owner ON patent (owner_id);
CREATE INDEX patent_jurisdiction ON patent (jurisdiction);
