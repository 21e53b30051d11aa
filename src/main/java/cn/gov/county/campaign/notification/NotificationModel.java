package cn.gov.county.campaign.notification;

/** Names shared by the delivery model, its code and its tests. */
public final class NotificationModel {

  public static final String DELIVERY_PROCESS = "NotificationDeliveryProcess";
  public static final String SEND_MAIL = "ServiceTask_SendMail";
  public static final String DELIVERED = "EndEvent_NotificationDelivered";

  /** The {@code campaign_notification} row to deliver (Long). */
  public static final String NOTIFICATION_ID = "notificationId";
  /** The backoff between attempts, read by the service task's failedJobRetryTimeCycle. */
  public static final String RETRY_CYCLE = "notificationRetryCycle";

  private NotificationModel() {
  }
}
