-- Monthly bulletins (月度通报): one per campaign and month, whatever starts the drafting twice; the
-- unique constraint is what makes a second issue of the same month fail (and its job retry, then stop).
CREATE TABLE IF NOT EXISTS campaign_bulletin (
  campaign_code VARCHAR(64) NOT NULL,
  bulletin_month VARCHAR(7) NOT NULL,
  notice_id BIGINT NOT NULL,
  notice_number VARCHAR(128) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  approved_by VARCHAR(64),
  -- when it was issued, China time
  issued_at TIMESTAMP NOT NULL,
  CONSTRAINT campaign_bulletin_month_unique UNIQUE (campaign_code, bulletin_month)
);
