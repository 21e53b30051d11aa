-- Audit chain (审计链) of the engine's history: every history event is appended, in the engine's
-- transaction, to the chain of its campaign (or to the chain "-" of events that belong to no
-- campaign). Each entry holds the event's essential fields and the SHA-256 of the previous entry;
-- the head row holds a chain's last position and hash and is locked (SELECT ... FOR UPDATE) while
-- a transaction appends. See cn.gov.county.campaign.audit.
CREATE TABLE IF NOT EXISTS campaign_audit_head (
  chain_key VARCHAR(64) PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS campaign_audit_entry (
  chain_key VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  -- engine clock when the entry was appended, epoch milliseconds (time-zone free, part of the hash)
  recorded_at BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  event_type VARCHAR(64),
  row_id VARCHAR(64),
  root_instance_id VARCHAR(64),
  process_instance_id VARCHAR(64),
  -- the event's essential fields as canonical JSON (sorted keys, times as epoch milliseconds)
  fields TEXT NOT NULL,
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  PRIMARY KEY (chain_key, seq)
);

CREATE INDEX IF NOT EXISTS campaign_audit_entry_root ON campaign_audit_entry (root_instance_id);
CREATE INDEX IF NOT EXISTS campaign_audit_entry_kind ON campaign_audit_entry (chain_key, kind);

-- Which chain a root process instance's events go to. A campaign launched without a code gets it
-- one transaction later: its first events are in chain "-" and the entry ROOT_JOINED in the
-- campaign's chain seals them (positions and hashes).
CREATE TABLE IF NOT EXISTS campaign_audit_root (
  root_instance_id VARCHAR(64) PRIMARY KEY,
  chain_key VARCHAR(64) NOT NULL
);

CREATE INDEX IF NOT EXISTS campaign_audit_root_chain ON campaign_audit_root (chain_key);

-- When history written before the audit chain existed was sealed into it (once, at the first start
-- with the chain; see AuditBaseline).
CREATE TABLE IF NOT EXISTS campaign_audit_baseline (
  sealed_at BIGINT NOT NULL,
  root_instances INT NOT NULL,
  entries BIGINT NOT NULL
);

-- Keyed MACs (HMAC-SHA256 with a key from the environment, "<key id>:<hex>"): of each entry's hash,
-- and of the head's chain, last position and hash. Null where no key was configured. See AuditKeys.
ALTER TABLE campaign_audit_entry ADD COLUMN IF NOT EXISTS mac VARCHAR(100);
ALTER TABLE campaign_audit_head ADD COLUMN IF NOT EXISTS last_mac VARCHAR(100);
