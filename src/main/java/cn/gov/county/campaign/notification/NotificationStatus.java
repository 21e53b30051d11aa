package cn.gov.county.campaign.notification;

/** Where a notification's delivery stands. */
public enum NotificationStatus {

  PENDING("待发送"), SENT("已发送"), RETRYING("发送失败，等待重试"), MAIL_OFF("未发送：未配置邮件服务器"), NO_ADDRESS("未发送：无邮箱地址");

  private final String label;

  NotificationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
