-- A deal event that had to be told to a party whose contact data had not arrived yet: harbor.partners.v1 is consumed
-- apart from harbor.deals.v1, so a deal may overtake its parties. Told to them when their contact data arrives.
CREATE TABLE awaiting_contact (
    partner_id UUID        NOT NULL,
    event_id   UUID        NOT NULL REFERENCES event_log (event_id),
    side       TEXT        NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, event_id)
);
