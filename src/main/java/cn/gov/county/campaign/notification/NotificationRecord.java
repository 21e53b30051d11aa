package cn.gov.county.campaign.notification;

import java.time.Instant;

/**
 * One notification to one person, as the office and auditors read it: who, what, when, and
 * whether it was delivered.
 *
 * @param status      {@link NotificationStatus} name
 * @param statusLabel the status in Chinese
 * @param sentAt      when the mail server accepted the mail, or null
 * @param attempts    delivery attempts so far
 * @param lastError   the mail server's last error, or null
 */
public record NotificationRecord(long id, String eventKey, String campaignCode, String department, String recipientId,
    String recipientName, String email, String subject, String body, String link, Instant createdAt,
    String status, String statusLabel, Instant sentAt, int attempts, String lastError) {
}
