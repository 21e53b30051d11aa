-- Urgings (催办): the office's one-click reminder to a unit from the supervision ledger. One row per
-- open task of the unit at the time (the rows of one click share urging_id); the department reads
-- them on the task in Tasklist, and each click is an entry URGING in the campaign's audit chain.
-- A record: rows are never updated or deleted by the application.
CREATE TABLE IF NOT EXISTS campaign_urging (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  urging_id VARCHAR(64) NOT NULL,
  campaign_code VARCHAR(64) NOT NULL,
  department VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  task_name VARCHAR(255),
  process_instance_id VARCHAR(64) NOT NULL,
  due_at TIMESTAMP,
  urged_by VARCHAR(64) NOT NULL,
  urged_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS campaign_urging_task ON campaign_urging (task_id);
CREATE INDEX IF NOT EXISTS campaign_urging_campaign ON campaign_urging (campaign_code, department);
