-- Retention (docs/retention.md) deletes idempotency keys oldest first, batch by batch, found by this index. Before
-- upgrading a large database, build it with CREATE INDEX CONCURRENTLY first (a build here blocks the table's writes).
CREATE INDEX IF NOT EXISTS idempotency_key_age ON idempotency_key (created_at);
