-- Quarterly reports to the county committee (每季度县委听取一次汇报): one per campaign and quarter.
CREATE TABLE IF NOT EXISTS campaign_quarterly_report (
  campaign_code VARCHAR(64) NOT NULL,
  report_quarter VARCHAR(7) NOT NULL,
  notice_id BIGINT NOT NULL,
  notice_number VARCHAR(128) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  approved_by VARCHAR(64),
  -- when it was issued, China time
  issued_at TIMESTAMP NOT NULL,
  CONSTRAINT campaign_quarterly_report_unique UNIQUE (campaign_code, report_quarter)
);
