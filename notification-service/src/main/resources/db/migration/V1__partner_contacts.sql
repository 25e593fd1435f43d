-- notification-service's copy of how to reach each partner (event-carried state transfer from the catalog).
CREATE TABLE partner_contact (
    id              UUID PRIMARY KEY,
    legal_name      TEXT       NOT NULL,
    country         VARCHAR(2) NOT NULL,
    languages       JSONB      NOT NULL,
    time_zone       TEXT       NOT NULL,
    email           TEXT       NOT NULL,
    catalog_version BIGINT     NOT NULL
);
