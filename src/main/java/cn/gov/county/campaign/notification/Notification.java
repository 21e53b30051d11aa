package cn.gov.county.campaign.notification;

/**
 * What is said to whom it concerns; see {@link Notifications#send}.
 *
 * @param eventKey     what happened, unique per event: {@code "task-created:<taskId>"}; the same key
 *                     reaches each recipient once
 * @param campaignCode the campaign it belongs to, or null
 * @param department   the department's group id it concerns, or null
 * @param subject      the subject line (Chinese)
 * @param body         the message, plain text (Chinese)
 * @param link         an absolute URL to the task or notice, or null
 */
public record Notification(String eventKey, String campaignCode, String department, String subject, String body,
    String link) {
}
