package cn.gov.county.campaign.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发送邮件通知: mails the notification the instance was started for. */
@Component
class SendNotificationMailDelegate implements JavaDelegate {

  private final NotificationDelivery delivery;

  SendNotificationMailDelegate(NotificationDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    delivery.deliver(((Number) execution.getVariable(NotificationModel.NOTIFICATION_ID)).longValue());
  }
}
