package cn.gov.county.campaign.notification;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.EngineInternals;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails one recorded notification, once. A failure is thrown, so that the engine retries the job
 * with its backoff and, after the last retry, raises an incident; {@link DeliveryFailures} records
 * it (attempts, error) in the engine's failed-job transaction.
 */
@Component
class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final NotificationStore store;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final Organization organization;

  NotificationDelivery(NotificationStore store, ObjectProvider<JavaMailSender> mailSender,
      NotificationProperties properties, Organization organization) {
    this.store = store;
    this.mailSender = mailSender;
    this.properties = properties;
    this.organization = organization;
  }

  void deliver(long notificationId) {
    NotificationRecord notification = store.find(notificationId)
        .orElseThrow(() -> new IllegalStateException("No notification " + notificationId));
    if (NotificationStatus.SENT.name().equals(notification.status())) {
      LOG.info("Notification {} was sent at {}; not again", notificationId, notification.sentAt());
      return;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      store.markMailOff(notificationId);
      return;
    }
    try {
      sender.send(mime -> {
        MimeMessageHelper message = new MimeMessageHelper(mime, UTF_8);
        message.setFrom(from(), properties.fromName());
        message.setTo(new InternetAddress(notification.email(), notification.recipientName(), UTF_8));
        message.setSubject(notification.subject());
        message.setSentDate(Date.from(EngineInternals.now()));
        message.setText(text(notification));
        // the same id however often it is sent (a retry after a crash between the SMTP server's
        // acceptance and the job's commit): mail systems and readers recognise the repeat
        mime.setHeader("Message-ID", messageId(notificationId));
      });
    } catch (MailException e) {
      // recorded by DeliveryFailures once this job's transaction has rolled back
      LOG.warn("Notification {} to {} not sent: {}", notificationId, notification.email(), e.getMessage());
      throw e;
    }
    store.markSent(notificationId, EngineInternals.now());
  }

  String messageId(long notificationId) {
    return "<notification-" + notificationId + "@" + organization.mailDomain() + ">";
  }

  private String from() {
    String configured = properties.from();
    return configured != null && !configured.isBlank() ? configured : "campaign-office@" + organization.mailDomain();
  }

  /** The message, the link on a line of its own, and a signature line. */
  String text(NotificationRecord notification) {
    StringBuilder text = new StringBuilder(notification.body().strip()).append("\n\n");
    if (notification.link() != null) {
      text.append("详情请见：").append(notification.link()).append("\n\n");
    }
    return text.append("——").append(properties.fromName()).append("（系统自动发送，请勿直接回复）\n").toString();
  }
}
