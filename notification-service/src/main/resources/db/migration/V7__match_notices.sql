-- Matches to tell a party about (catalog-service's match-found at or above the notice threshold): one row per match
-- and party, whatever event ids announced it, so a redelivery or a re-announcement never tells anyone twice. Pending
-- (sent_at NULL) until the digest job sends the party's pending notices as one message (docs/matching.md).
CREATE TABLE match_notice (
    match_id   UUID        NOT NULL,
    party      TEXT        NOT NULL CHECK (party IN ('NEED_OWNER', 'PATENT_OWNER')),
    partner_id UUID        NOT NULL,
    event_id   UUID        NOT NULL,   -- the match-found event that first announced the match
    match      TEXT        NOT NULL,   -- its payload as received (JSON, key order kept), without any budget
    noticed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ,
    message_id UUID,                   -- the inbox item's and email's event id of the message that told it
    PRIMARY KEY (match_id, party)
);
CREATE INDEX match_notice_pending ON match_notice (partner_id, noticed_at) WHERE sent_at IS NULL;

-- The dashboard's match funnel: every match announced (whatever its score), and the match a deal came from.
CREATE TABLE match_found (
    match_id UUID PRIMARY KEY,
    found_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX match_found_at ON match_found (found_at);

ALTER TABLE deal_funnel ADD COLUMN match_id UUID;
CREATE INDEX deal_funnel_match ON deal_funnel (match_id) WHERE match_id IS NOT NULL;
