package cn.gov.county.campaign.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings under {@code campaign.notifications}. Mail itself is Spring Boot's
 * {@code spring.mail.*}: it is sent only when {@code spring.mail.host} is set.
 *
 * @param from       sender address; default {@code campaign-office@<mail domain of the organization>}
 * @param fromName   sender's display name
 * @param retryCycle waits between delivery attempts while the mail server fails (ISO 8601 durations,
 *                   comma-separated); after the last one the engine raises an incident
 */
@ConfigurationProperties(prefix = "campaign.notifications")
record NotificationProperties(
    String from,
    @DefaultValue("县作风建设活动领导小组办公室") String fromName,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H") String retryCycle) {
}
