-- The operations dashboard's "due and overdue" read model: each deal's owed deadlines (open or overdue) as the
-- latest deal event on harbor.deals.v1 listed them in `deadlines` (newest version wins, as in deal_funnel).
CREATE TABLE deal_deadlines (
    deal_id    UUID PRIMARY KEY,
    version    BIGINT      NOT NULL,
    deadlines  JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Deals seen before this table existed: the deadlines of their latest event that carried any.
INSERT INTO deal_deadlines (deal_id, version, deadlines, updated_at)
SELECT DISTINCT ON (subject) subject::uuid, (cloud_event::jsonb ->> 'sequence')::bigint,
       cloud_event::jsonb -> 'data' -> 'deadlines', occurred_at
FROM event_log
WHERE topic = 'harbor.deals.v1'
  AND subject ~ '^[0-9a-fA-F-]{36}$'
  AND jsonb_typeof(cloud_event::jsonb -> 'data' -> 'deadlines') = 'array'
ORDER BY subject, (cloud_event::jsonb ->> 'sequence')::bigint DESC;
