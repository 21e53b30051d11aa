-- Complaints (投诉举报): each campaign's last complaint serial number (<code>-TS-01, -02, ...).
-- Everything else about a complaint is in the engine's history (ComplaintProcess).
CREATE TABLE IF NOT EXISTS campaign_complaint_counter (
  campaign_code VARCHAR(64) PRIMARY KEY,
  last_number INT NOT NULL
);
