-- Deals: the negotiation and transfer state machine (issue 4).
CREATE TABLE deal (
    id                    UUID PRIMARY KEY,
    patent_id             UUID        NOT NULL,
    buyer_id              UUID        NOT NULL,
    seller_id             UUID        NOT NULL,
    buyer_country         VARCHAR(2)  NOT NULL,
    seller_country        VARCHAR(2)  NOT NULL,
    patent_jurisdiction   VARCHAR(2)  NOT NULL,
    export_class          TEXT        NOT NULL,               -- snapshot at offer time: FREE | RESTRICTED | PROHIBITED
    deal_type             TEXT        NOT NULL,
    state                 TEXT        NOT NULL,
    terms_version         INT         NOT NULL,
    terms_proposed_by     TEXT        NOT NULL,               -- BUYER | SELLER: the other party's turn
    terms_versions        JSONB       NOT NULL,               -- every version ever proposed, oldest first
    valid_until           TIMESTAMPTZ NOT NULL,
    opened_at             TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    buyer_signed_at       TIMESTAMPTZ,
    seller_signed_at      TIMESTAMPTZ,
    agreed_terms_sha256   TEXT,
    contract_registration TEXT,
    settlement_reference  TEXT,
    recordal_number       TEXT,
    recorded_on           DATE,
    closing_reason        TEXT,
    version               BIGINT      NOT NULL,
    CONSTRAINT deal_parties_differ CHECK (buyer_id <> seller_id)
);

-- Only one assignment or exclusive licence per patent may be agreed (up to recordal) at a time. Enforced here so
-- that two racing accepts cannot both commit: the second one's UPDATE fails on this index.
CREATE UNIQUE INDEX deal_one_exclusive_per_patent ON deal (patent_id)
    WHERE deal_type IN ('ASSIGNMENT', 'EXCLUSIVE_LICENCE')
      AND state IN ('AGREED', 'SIGNED', 'EXPORT_REVIEW', 'CLEARED', 'PAID', 'RECORDED');

-- Keyset pagination (opened_at DESC, id DESC), for a party and for operators.
CREATE INDEX deal_buyer_page ON deal (buyer_id, opened_at DESC, id DESC);
CREATE INDEX deal_seller_page ON deal (seller_id, opened_at DESC, id DESC);
CREATE INDEX deal_page ON deal (opened_at DESC, id DESC);
CREATE INDEX deal_patent ON deal (patent_id);
-- The expiry job's work list.
CREATE INDEX deal_open_until ON deal (valid_until) WHERE state IN ('OFFERED', 'COUNTERED');

-- Audit: one row per transition, never updated.
CREATE TABLE deal_history (
    id            UUID PRIMARY KEY,
    deal_id       UUID        NOT NULL REFERENCES deal (id),
    deal_version  BIGINT      NOT NULL,
    command       TEXT        NOT NULL,
    actor_id      UUID,                                       -- null when the system acted (expiry, export control)
    actor_role    TEXT        NOT NULL,
    from_state    TEXT,
    to_state      TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    terms_version INT         NOT NULL,
    terms_sha256  TEXT,                                       -- SHA-256 of the agreed terms, once agreed
    reason        TEXT,
    CONSTRAINT deal_history_one_per_version UNIQUE (deal_id, deal_version)
);

-- POST /deals idempotency: the primary key makes two racing requests with one key create one deal.
CREATE TABLE idempotency_key (
    caller_id      UUID        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_sha256 TEXT        NOT NULL,
    deal_id        UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller_id, idem_key)
);
