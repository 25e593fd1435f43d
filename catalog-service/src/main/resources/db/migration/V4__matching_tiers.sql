-- Matching reads candidates tier by tier, strongest evidence first (docs/matching.md, "How it scales"); the first
-- tier is the pairs sharing an IPC main group, looked up here rather than among every pair sharing a subclass.
CREATE INDEX patent_available_ipc_groups ON patent USING GIN (ipc_groups) WHERE status = 'AVAILABLE';
CREATE INDEX need_open_ipc_groups ON need USING GIN (ipc_groups) WHERE status = 'OPEN';
