-- Retention (docs/retention.md) deletes old rows oldest first, batch by batch: each batch finds its rows by these
-- indexes instead of reading the whole table (event_log's by event_log_time, match_found's by match_found_at). Before
-- upgrading a large database, build them with CREATE INDEX CONCURRENTLY first (a build here blocks the table's writes).
CREATE INDEX IF NOT EXISTS delivery_finished ON delivery (next_attempt_at) WHERE status IN ('DELIVERED', 'DEAD');
CREATE INDEX IF NOT EXISTS inbox_item_age ON inbox_item (created_at);
CREATE INDEX IF NOT EXISTS match_notice_sent ON match_notice (sent_at) WHERE sent_at IS NOT NULL;
