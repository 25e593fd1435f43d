-- The inbox stream's cursor (docs: notification-service README, "Inbox stream"). An item's position in the stream is
-- (stream_tx, stream_position): the id of the transaction that wrote it, then a sequence number within it. The
-- stream hands out only items whose transaction id lies below the oldest transaction still running
-- (pg_snapshot_xmin), so every item in that range has committed or never will: a later poll can add items only
-- after the cursor, never before it, and Last-Event-ID resumes without a gap or a repeat. created_at and a plain
-- sequence cannot do that: both are taken before commit, so a slow transaction commits behind items already sent.
CREATE SEQUENCE inbox_stream_position;

-- Existing items all get this migration's transaction id, numbered in table order.
ALTER TABLE inbox_item
    ADD COLUMN stream_tx       BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    ADD COLUMN stream_position BIGINT NOT NULL DEFAULT nextval('inbox_stream_position');

ALTER SEQUENCE inbox_stream_position OWNED BY inbox_item.stream_position;

-- One partner's items in stream order: the poll (partner_id = ANY(open streams' partners)) and a resume.
CREATE INDEX inbox_stream ON inbox_item (partner_id, stream_tx, stream_position);
