package cn.gov.county.campaign.notification;

import static cn.gov.county.campaign.notification.NotificationModel.DELIVERY_PROCESS;
import static cn.gov.county.campaign.notification.NotificationModel.NOTIFICATION_ID;
import static cn.gov.county.campaign.notification.NotificationModel.RETRY_CYCLE;

import cn.gov.county.campaign.system.EngineInternals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people about their work: every notification is recorded in the application (the office
 * and auditors read who was told what, when, and whether it arrived) and, when mail is on
 * ({@code spring.mail.host} set) and the person has an address, mailed by a
 * {@value NotificationModel#DELIVERY_PROCESS} instance, whose retries and incidents are the engine's.
 */
@Service
public class Notifications {

  private final NotificationStore store;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final RuntimeService runtimeService;
  private final NotificationProperties properties;

  Notifications(NotificationStore store, ObjectProvider<JavaMailSender> mailSender, RuntimeService runtimeService,
      NotificationProperties properties) {
    this.store = store;
    this.mailSender = mailSender;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  /**
   * Records one notification per recipient in the caller's transaction and, when mail is on and the
   * recipient has an address, schedules its delivery after a save point. The same eventKey+recipient
   * is recorded and delivered once; repeated calls are ignored. Callable from delegates and task
   * listeners running as any user (or none).
   */
  @Transactional
  public void send(Notification notification, List<Recipient> recipients) {
    Objects.requireNonNull(notification.eventKey(), "eventKey");
    Objects.requireNonNull(notification.subject(), "subject");
    Objects.requireNonNull(notification.body(), "body");
    boolean mailOn = mailSender.getIfAvailable() != null;
    Instant now = EngineInternals.now();
    for (Recipient recipient : recipients) {
      Objects.requireNonNull(recipient.userId(), "recipient userId");
      NotificationStatus status = !mailOn
          ? NotificationStatus.MAIL_OFF
          : recipient.email() == null || recipient.email().isBlank()
              ? NotificationStatus.NO_ADDRESS
              : NotificationStatus.PENDING;
      store.insertIfAbsent(notification, recipient, status, now)
          .filter(id -> status == NotificationStatus.PENDING)
          .ifPresent(id -> startDelivery(id, notification.campaignCode()));
    }
  }

  /** The campaign's notifications, oldest first; {@code department} null means all departments. */
  public List<NotificationRecord> ofCampaign(String campaignCode, String department) {
    return store.ofCampaign(campaignCode, department);
  }

  public List<NotificationRecord> ofEvent(String eventKey) {
    return store.ofEvent(eventKey);
  }

  /** Department users may not start instances: inside a command the start skips authorization. */
  private void startDelivery(long notificationId, String campaignCode) {
    Map<String, Object> variables = Map.of(NOTIFICATION_ID, notificationId, RETRY_CYCLE, properties.retryCycle());
    EngineInternals.withoutAuthorizationInCommand(
        () -> runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS, campaignCode, variables));
  }
}
