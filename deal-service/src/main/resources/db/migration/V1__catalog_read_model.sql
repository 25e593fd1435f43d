-- deal-service's copy of what it needs from the catalog (event-carried state transfer).
CREATE TABLE known_partner (
    id              UUID PRIMARY KEY,
    legal_name      TEXT       NOT NULL,
    country         VARCHAR(2) NOT NULL,
    catalog_version BIGINT     NOT NULL
);

CREATE TABLE known_patent (
    id                 UUID PRIMARY KEY,
    publication_number TEXT       NOT NULL,
    owner_id           UUID       NOT NULL,
    status             TEXT       NOT NULL,
    export_class       TEXT       NOT NULL,
    jurisdiction       VARCHAR(2) NOT NULL,
    deal_types         JSONB      NOT NULL,
    catalog_version    BIGINT     NOT NULL
);
CREATE INDEX known_patent_owner ON known_patent (owner_id);
