-- Which channels a partner wants to be told on (absent row: every channel).
CREATE TABLE notification_preference (
    partner_id UUID PRIMARY KEY,
    email      BOOLEAN     NOT NULL,
    inbox      BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
