-- Search: full text for alphabetic scripts, trigrams for Chinese and other unsegmented scripts
-- (pg_trgm needs a UTF-8 LC_CTYPE: the local stack and tests create the cluster with C.UTF-8).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE patent
    ADD COLUMN search_text        TEXT  NOT NULL DEFAULT '',
    ADD COLUMN ipc_prefixes       JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN reserved_by_deal   UUID,
    ADD COLUMN exclusive_licences JSONB NOT NULL DEFAULT '[]';

ALTER TABLE patent
    ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;

CREATE INDEX patent_search_vector ON patent USING GIN (search_vector);
CREATE INDEX patent_search_trigram ON patent USING GIN (search_text gin_trgm_ops);
CREATE INDEX patent_ipc_prefixes ON patent USING GIN (ipc_prefixes jsonb_path_ops);
CREATE INDEX patent_deal_types ON patent USING GIN (deal_types jsonb_path_ops);
CREATE INDEX patent_family_coverage ON patent USING GIN (family_coverage jsonb_path_ops);
CREATE INDEX patent_newest ON patent (listed_at DESC, id DESC);
CREATE INDEX patent_status ON patent (status);
CREATE INDEX patent_expiry ON patent (expiry_date) WHERE status = 'AVAILABLE';
