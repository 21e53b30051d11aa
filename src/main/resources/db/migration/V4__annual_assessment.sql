-- The year-end assessment (年底考核评比): one row per year and unit, written when the office's
-- confirmed ranking is published; a year is published once (unique year and unit).
CREATE TABLE IF NOT EXISTS campaign_annual_assessment (
  assessment_year INT NOT NULL,
  department VARCHAR(64) NOT NULL,
  department_name VARCHAR(255) NOT NULL,
  unit_category VARCHAR(32) NOT NULL,
  score INT NOT NULL,
  grade VARCHAR(16) NOT NULL,
  category_rank INT NOT NULL,
  category_size INT NOT NULL,
  verified_complaints INT NOT NULL,
  escalations INT NOT NULL,
  supervision_cases INT NOT NULL,
  late_tasks INT NOT NULL,
  disqualified BOOLEAN NOT NULL,
  commended BOOLEAN NOT NULL,
  accountable BOOLEAN NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  confirmed_by VARCHAR(64),
  -- when it was published, China time
  published_at TIMESTAMP NOT NULL,
  CONSTRAINT campaign_annual_assessment_unit UNIQUE (assessment_year, department)
);

-- 取消年度评优评奖资格 names the year it applies to.
ALTER TABLE campaign_supervision_measure ADD COLUMN IF NOT EXISTS award_year INT;
