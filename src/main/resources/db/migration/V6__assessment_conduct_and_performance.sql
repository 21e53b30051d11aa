-- The year-end score is the average of the conduct score (from the records) and the performance score
-- (实绩, given by the office on the unit category's criteria); both are kept.
ALTER TABLE campaign_annual_assessment ADD COLUMN IF NOT EXISTS conduct_score INT;
ALTER TABLE campaign_annual_assessment ADD COLUMN IF NOT EXISTS performance_score INT;
