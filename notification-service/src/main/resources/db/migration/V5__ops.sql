-- The operations dashboard's read model of deals: each deal's current state, from harbor.deals.v1 (newest version wins).
CREATE TABLE deal_funnel (
    deal_id    UUID PRIMARY KEY,
    state      TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX deal_funnel_state ON deal_funnel (state);

-- Deals seen before this table existed: their latest event in the event log.
INSERT INTO deal_funnel (deal_id, state, version, updated_at)
SELECT DISTINCT ON (subject) subject::uuid, cloud_event::jsonb -> 'data' ->> 'state',
       (cloud_event::jsonb ->> 'sequence')::bigint, occurred_at
FROM event_log
WHERE topic = 'harbor.deals.v1'
  AND subject ~ '^[0-9a-fA-F-]{36}$'
  AND cloud_event::jsonb -> 'data' ->> 'state' IS NOT NULL
ORDER BY subject, (cloud_event::jsonb ->> 'sequence')::bigint DESC;

-- What operators did from the dashboard (redrives of dead letters): who, when, what, and how it ended.
CREATE TABLE ops_audit (
    id      UUID PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT        NOT NULL,
    action  TEXT        NOT NULL,
    target  TEXT        NOT NULL,
    result  TEXT        NOT NULL,
    detail  TEXT
);
CREATE INDEX ops_audit_at ON ops_audit (at DESC);

-- A deal's timeline includes the patent events that name it as the reserving deal.
CREATE INDEX event_log_reserving_deal ON event_log ((cloud_event::jsonb -> 'data' ->> 'reservedByDeal'))
    WHERE topic = 'harbor.patents.v1';
CREATE INDEX delivery_event ON delivery (event_id);
CREATE INDEX inbox_event ON inbox_item (event_id);
