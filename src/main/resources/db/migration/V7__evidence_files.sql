-- Evidence files (佐证材料): photos and scanned documents uploaded on a department's completion
-- report, supervision feedback or the office's check record. The file itself is kept here (BYTEA:
-- BINARY VARYING on H2, bytea on PostgreSQL); its SHA-256 is also in the campaign's audit chain.
-- A record: rows are never updated or deleted by the application.
CREATE TABLE IF NOT EXISTS campaign_evidence (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  campaign_code VARCHAR(64) NOT NULL,
  -- the department whose instance it belongs to (its users may read it)
  department VARCHAR(64),
  process_instance_id VARCHAR(64) NOT NULL,
  root_process_instance_id VARCHAR(64),
  process_definition_key VARCHAR(255) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  task_definition_key VARCHAR(255) NOT NULL,
  task_name VARCHAR(255),
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(255) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by VARCHAR(64) NOT NULL,
  uploaded_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_evidence_instance ON campaign_evidence (process_instance_id);
CREATE INDEX IF NOT EXISTS campaign_evidence_campaign ON campaign_evidence (campaign_code, department);
