-- From match to deal (issue 15): the matches the catalog announced (match-found on harbor.needs.v1), so that an offer
-- can name the match it came from and deal-service can check it without calling the catalog.
CREATE TABLE known_match (
    id              UUID PRIMARY KEY,                         -- the catalog's matchId
    need_id         UUID        NOT NULL,
    need_owner_id   UUID        NOT NULL,                     -- the only partner who may offer from the match
    patent_id       UUID        NOT NULL,
    patent_owner_id UUID        NOT NULL,                     -- the owner when the match was found (may have changed)
    score           INT         NOT NULL,
    found_at        TIMESTAMPTZ NOT NULL
);

-- The match a deal was offered from; null for a deal offered without one. Rows of known_match are never deleted, so
-- the reference stays valid for the deal's whole life.
ALTER TABLE deal ADD COLUMN match_id UUID REFERENCES known_match (id);
