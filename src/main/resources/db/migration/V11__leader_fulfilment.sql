-- The year-end review of each leading-team member's commitments (述职述廉, seed 000: 履行承诺情况纳入
-- 领导干部述职述廉报告，作为年终考核的重要依据): one row per year and leader, with the leader's own
-- report and the office's rating, which counts in the unit's conduct score.
CREATE TABLE IF NOT EXISTS leader_fulfilment (
  assessment_year INT NOT NULL,
  leader VARCHAR(64) NOT NULL,
  leader_name VARCHAR(64),
  department VARCHAR(64) NOT NULL,
  department_name VARCHAR(200) NOT NULL,
  commitments VARCHAR(8000) NOT NULL,
  report VARCHAR(4000),
  reported_at TIMESTAMP,
  -- fulfilled, partly, unfulfilled
  rating VARCHAR(16),
  rated_at TIMESTAMP,
  CONSTRAINT leader_fulfilment_unique UNIQUE (assessment_year, leader)
);
