-- The in-app inbox (消息): every recorded notification is also a message to its recipient in the
-- application, so nothing depends on mail; read_at is when the recipient marked it read there.
-- (Idempotent like every migration here: a database from before Flyway is baselined at 0 and migrated again.)
ALTER TABLE campaign_notification ADD COLUMN IF NOT EXISTS read_at TIMESTAMP;
CREATE INDEX IF NOT EXISTS campaign_notification_inbox ON campaign_notification (recipient_id, id);
