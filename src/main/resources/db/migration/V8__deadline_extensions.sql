-- Deadline extensions (延期申请): one row per request, written when the department submits it and
-- completed when the office decides. pending_problem_code holds the problem's code while the
-- request waits for the office and is NULL once decided: its unique constraint is what refuses a
-- second pending request for the same problem, even when two arrive at the same moment (NULLs do
-- not collide, on H2 and PostgreSQL alike).
CREATE TABLE IF NOT EXISTS campaign_deadline_extension (
  process_instance_id VARCHAR(64) PRIMARY KEY,
  campaign_code VARCHAR(64) NOT NULL,
  problem_code VARCHAR(128) NOT NULL,
  department VARCHAR(64) NOT NULL,
  requested_by VARCHAR(64),
  requested_at TIMESTAMP NOT NULL,
  -- the deadline when the request was made and the one asked for, yyyy-MM-dd
  previous_deadline VARCHAR(10) NOT NULL,
  requested_deadline VARCHAR(10) NOT NULL,
  reason VARCHAR(4000) NOT NULL,
  pending_problem_code VARCHAR(128),
  -- approved / refused; the deadline granted (approved only)
  decision VARCHAR(16),
  granted_deadline VARCHAR(10),
  opinion VARCHAR(4000),
  decided_by VARCHAR(64),
  decided_at TIMESTAMP,
  CONSTRAINT campaign_deadline_extension_pending UNIQUE (pending_problem_code)
);

CREATE INDEX IF NOT EXISTS campaign_deadline_extension_campaign
  ON campaign_deadline_extension (campaign_code, department);
