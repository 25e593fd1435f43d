-- The audit trail as a hash chain per deal: each entry carries the hash of the one before it and of its own content,
-- so a row changed or deleted in the database breaks every link after it (GET /deals/{id}/history/verify finds it).
-- The database computes the links on insert, so no writer can forget or fake them; deal-service recomputes them in
-- Java to verify (HistoryChain), an independent second implementation of the same canonical form.
ALTER TABLE deal_history ADD COLUMN prev_hash TEXT;
ALTER TABLE deal_history ADD COLUMN entry_hash TEXT;

-- Canonical form: every field as "<length in characters>:<text>", or "-" when null, each followed by a newline, in
-- this order; time in UTC with microseconds. The first entry's previous hash is the empty string.
CREATE FUNCTION deal_history_field(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '-' ELSE length(value) || ':' || value END || E'\n'
$$;

CREATE FUNCTION deal_history_hash(entry deal_history, previous TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
               deal_history_field(previous)
            || deal_history_field(entry.deal_id::text)
            || deal_history_field(entry.deal_version::text)
            || deal_history_field(entry.command)
            || deal_history_field(entry.actor_id::text)
            || deal_history_field(entry.actor_role)
            || deal_history_field(entry.from_state)
            || deal_history_field(entry.to_state)
            || deal_history_field(to_char(entry.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
            || deal_history_field(entry.terms_version::text)
            || deal_history_field(entry.terms_sha256)
            || deal_history_field(entry.reason), 'UTF8')), 'hex')
$$;

-- Existing trails, oldest entry first.
DO $$
DECLARE
    entry deal_history;
    previous TEXT;
    current_deal UUID;
BEGIN
    FOR entry IN SELECT * FROM deal_history ORDER BY deal_id, deal_version LOOP
        IF current_deal IS DISTINCT FROM entry.deal_id THEN
            previous := '';
            current_deal := entry.deal_id;
        END IF;
        UPDATE deal_history SET prev_hash = previous, entry_hash = deal_history_hash(entry, previous) WHERE id = entry.id;
        previous := deal_history_hash(entry, previous);
    END LOOP;
END $$;

CREATE FUNCTION deal_history_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce((SELECT entry_hash FROM deal_history WHERE deal_id = NEW.deal_id
                     ORDER BY deal_version DESC LIMIT 1), '') INTO NEW.prev_hash;
    NEW.entry_hash := deal_history_hash(NEW, NEW.prev_hash);
    RETURN NEW;
END $$;

CREATE TRIGGER deal_history_link BEFORE INSERT ON deal_history FOR EACH ROW EXECUTE FUNCTION deal_history_link();

ALTER TABLE deal_history ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE deal_history ALTER COLUMN entry_hash SET NOT NULL;
