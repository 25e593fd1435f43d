-- Retention (service-kit org.iprharbor.kit.retention, docs/retention.md) deletes processed-event rows oldest first,
-- batch by batch: each batch finds its rows by this index instead of reading the whole table. Building it blocks the
-- table's writes meanwhile; before upgrading a large database, build it with CREATE INDEX CONCURRENTLY first (Flyway's
-- lock makes a concurrent build inside a migration wait forever) and this finds it.
CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event (processed_at);
