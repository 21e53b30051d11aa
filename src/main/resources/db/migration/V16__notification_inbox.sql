-- The in-app inbox (消息): every recorded notification is also a message to its recipient in the
-- application, so nothing depends on mail; read_at is when the recipient marked it read there.
ALTER TABLE campaign_notification ADD COLUMN read_at TIMESTAMP;
CREATE INDEX campaign_notification_inbox ON campaign_notification (recipient_id, id);
