-- China's technology-export procedure and its deadlines (issue 16, docs/deal-procedure.md).
ALTER TABLE deal ADD COLUMN intent_reference    TEXT;         -- the letter of intent (restricted technology)
ALTER TABLE deal ADD COLUMN intent_requested_at TIMESTAMPTZ;  -- the offer's validity pauses from then until intent
ALTER TABLE deal ADD COLUMN licence_number      TEXT;         -- the export licence (restricted technology)
ALTER TABLE deal ADD COLUMN effective_at        TIMESTAMPTZ;  -- on signing, or on the licence
ALTER TABLE deal ADD COLUMN deadlines           JSONB NOT NULL DEFAULT '[]';
-- false for deals in flight when this ran: deal-service works their deadlines out (and sends a restricted deal that
-- is negotiating without a letter of intent back to review) at start-up, through the aggregate, with their events.
ALTER TABLE deal ADD COLUMN deadlines_settled   BOOLEAN NOT NULL DEFAULT true;

UPDATE deal SET deadlines_settled = false
 WHERE state NOT IN ('COMPLETED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'CANCELLED');
CREATE INDEX deal_deadlines_unsettled ON deal (id) WHERE NOT deadlines_settled;

-- Contracts in effect took effect when they were cleared.
UPDATE deal d SET effective_at = (SELECT min(h.at) FROM deal_history h WHERE h.deal_id = d.id AND h.to_state = 'CLEARED')
 WHERE state IN ('CLEARED', 'PAID', 'RECORDED', 'COMPLETED');
-- The service used to write a placeholder "TCR-<year>-<id>" at clearance; no certificate was ever recorded, so live
-- deals of freely exportable technology now owe their registration (completed deals keep the line as history).
UPDATE deal SET contract_registration = NULL
 WHERE state IN ('CLEARED', 'PAID', 'RECORDED') AND contract_registration LIKE 'TCR-%';

-- The deadline clock: reminders and missed deadlines, fired once across instances (claimed FOR UPDATE SKIP LOCKED).
CREATE TABLE deal_timer (
    id       UUID PRIMARY KEY,
    deal_id  UUID        NOT NULL REFERENCES deal (id),
    kind     TEXT        NOT NULL,              -- the deadline's kind
    due_at   TIMESTAMPTZ NOT NULL,              -- the due time it was set for: a moved deadline's timers are replaced
    fire_at  TIMESTAMPTZ NOT NULL,
    missed   BOOLEAN     NOT NULL,              -- true: deadline-missed at due_at; false: a reminder before it
    fired_at TIMESTAMPTZ
);
CREATE INDEX deal_timer_pending ON deal_timer (fire_at) WHERE fired_at IS NULL;
CREATE INDEX deal_timer_deal ON deal_timer (deal_id, kind) WHERE fired_at IS NULL;
