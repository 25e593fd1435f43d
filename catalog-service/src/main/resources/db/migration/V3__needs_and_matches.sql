-- Needs: what Belt-and-Road partners are looking for, searched like patents and matched against them both ways.
-- The functions below are what matching runs in both directions, so both find exactly the same pairs
-- (org.iprharbor.catalog.persistence.MatchQueries; docs/matching.md).

-- The strings of a JSONB array as text[].
CREATE FUNCTION harbor_text_array(value JSONB) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(element), '{}') FROM jsonb_array_elements_text(value) element $$;

-- IPC subclasses (H01M) and main groups (H01M 10) among IPC prefixes at every level.
CREATE FUNCTION harbor_ipc_subclasses(prefixes JSONB) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(p ORDER BY p), '{}') FROM jsonb_array_elements_text(prefixes) p WHERE length(p) = 4 $$;

CREATE FUNCTION harbor_ipc_groups(prefixes JSONB) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(p ORDER BY p), '{}') FROM jsonb_array_elements_text(prefixes) p
      WHERE length(p) > 4 AND strpos(p, '/') = 0 $$;

-- The first two characters of each keyword in an unsegmented script (Chinese…): a patent whose text holds that
-- character pair may contain the keyword, so a patent finds such needs by the pairs of its own text.
CREATE FUNCTION harbor_keyword_heads(keywords JSONB) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT left(k, 2)), '{}') FROM jsonb_array_elements_text(keywords) k $$;

-- Every pair of adjacent characters of a text in an unsegmented script: what keyword heads are looked up by.
CREATE FUNCTION harbor_unsegmented_pairs(content TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT pair), '{}') FROM (
          SELECT substr(content, i, 2) AS pair FROM generate_series(1, length(content) - 1) i) pairs
      WHERE pair ~ '^[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2}$' $$;

-- Any of the lexemes, as a tsquery (NULL when there are none): a need's keywords looked up in patents' search_vector.
CREATE FUNCTION harbor_any_lexeme(lexemes TEXT[]) RETURNS TSQUERY
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT CASE WHEN cardinality(lexemes) = 0 THEN NULL ELSE CAST(array_to_string(ARRAY(
          SELECT '''' || replace(replace(l, '\', '\\'), '''', '''''') || '''' FROM unnest(lexemes) l), ' | ') AS tsquery) END $$;

-- Which of a need's keywords (lexemes, and unsegmented keywords as substrings) a patent's titles and abstracts hold,
-- by the patent's language: {"ru": ["катализатор"], "zh": ["锂电池"]}.
CREATE FUNCTION harbor_words_by_language(titles JSONB, abstracts JSONB, lexemes TEXT[], substrings JSONB) RETURNS JSONB
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT coalesce(jsonb_object_agg(language, words), '{}') FROM (
          SELECT texts.key AS language, jsonb_agg(DISTINCT found.word) AS words
          FROM (SELECT key, value FROM jsonb_each_text(titles) UNION ALL SELECT key, value FROM jsonb_each_text(abstracts)) texts
          CROSS JOIN LATERAL (
              SELECT l AS word FROM unnest(lexemes) l WHERE l = ANY (tsvector_to_array(to_tsvector('simple', texts.value)))
              UNION
              SELECT s FROM jsonb_array_elements_text(substrings) s WHERE strpos(texts.value, s) > 0) found
          GROUP BY texts.key) by_language $$;

CREATE TABLE need (
    id                   UUID PRIMARY KEY,
    owner_id             UUID        NOT NULL REFERENCES partner (id),
    titles               JSONB       NOT NULL,
    descriptions         JSONB       NOT NULL,
    ipc_classes          JSONB       NOT NULL,
    ipc_prefixes         JSONB       NOT NULL,
    keywords             JSONB       NOT NULL,
    territories          JSONB       NOT NULL,
    deal_types           JSONB       NOT NULL,
    budget_amount        NUMERIC(19, 2),
    budget_currency      VARCHAR(3),
    valid_until          TIMESTAMPTZ NOT NULL,
    status               TEXT        NOT NULL,
    posted_at            TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL,
    search_text          TEXT        NOT NULL,
    -- keywords in alphabetic scripts, one text; their lexemes (same parser as patent.search_vector) are match_terms
    keyword_text         TEXT        NOT NULL,
    unsegmented_keywords JSONB       NOT NULL,
    search_vector        TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
    match_terms          TEXT[] GENERATED ALWAYS AS (tsvector_to_array(to_tsvector('simple', keyword_text))) STORED,
    keyword_heads        TEXT[] GENERATED ALWAYS AS (harbor_keyword_heads(unsegmented_keywords)) STORED,
    ipc_subclasses       TEXT[] GENERATED ALWAYS AS (harbor_ipc_subclasses(ipc_prefixes)) STORED,
    ipc_groups           TEXT[] GENERATED ALWAYS AS (harbor_ipc_groups(ipc_prefixes)) STORED
);
CREATE INDEX need_owner ON need (owner_id);
CREATE INDEX need_newest ON need (posted_at DESC, id DESC);
CREATE INDEX need_search_vector ON need USING GIN (search_vector);
CREATE INDEX need_search_trigram ON need USING GIN (search_text gin_trgm_ops);
CREATE INDEX need_ipc_prefixes ON need USING GIN (ipc_prefixes jsonb_path_ops);
CREATE INDEX need_deal_types ON need USING GIN (deal_types jsonb_path_ops);
CREATE INDEX need_territories ON need USING GIN (territories jsonb_path_ops);
-- Matching a patent against open needs: by IPC subclass, keyword lexeme or keyword head.
CREATE INDEX need_open_ipc_subclasses ON need USING GIN (ipc_subclasses) WHERE status = 'OPEN';
CREATE INDEX need_open_match_terms ON need USING GIN (match_terms) WHERE status = 'OPEN';
CREATE INDEX need_open_keyword_heads ON need USING GIN (keyword_heads) WHERE status = 'OPEN';

-- Matching a need against available patents: by IPC subclass (the full-text and trigram indexes serve the words).
ALTER TABLE patent
    ADD COLUMN ipc_subclasses TEXT[] GENERATED ALWAYS AS (harbor_ipc_subclasses(ipc_prefixes)) STORED,
    ADD COLUMN ipc_groups     TEXT[] GENERATED ALWAYS AS (harbor_ipc_groups(ipc_prefixes)) STORED;
CREATE INDEX patent_available_ipc_subclasses ON patent USING GIN (ipc_subclasses) WHERE status = 'AVAILABLE';

-- One row per (need, patent) ever matched; a dismissed or once-announced match keeps its row, so re-matching after
-- a change never announces it again.
CREATE TABLE need_match (
    id           UUID PRIMARY KEY,
    need_id      UUID        NOT NULL REFERENCES need (id),
    patent_id    UUID        NOT NULL REFERENCES patent (id),
    score        INTEGER     NOT NULL,
    reasons      JSONB       NOT NULL,
    status       TEXT        NOT NULL,
    found_at     TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    announced_at TIMESTAMPTZ,
    dismissed_by UUID,
    dismissed_at TIMESTAMPTZ,
    version      BIGINT      NOT NULL,
    CONSTRAINT need_match_pair UNIQUE (need_id, patent_id)
);
CREATE INDEX need_match_by_need ON need_match (need_id, score DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX need_match_by_patent ON need_match (patent_id, score DESC, id DESC) WHERE status = 'ACTIVE';
