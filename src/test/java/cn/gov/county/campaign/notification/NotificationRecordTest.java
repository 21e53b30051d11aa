package cn.gov.county.campaign.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Notifications as the office, auditors and departments read them, in the shared test setup:
 * no {@code spring.mail.host}, so every notification is recorded and none is mailed.
 */
@CampaignIntegrationTest
class NotificationRecordTest {

  @LocalServerPort
  int port;

  @Autowired
  Notifications notifications;

  @Autowired
  HistoryService historyService;

  private static Notification taskCreated(String campaign, String department) {
    return new Notification("task-created:" + UUID.randomUUID(), campaign, department,
        "【待办】请报送自查报告", "县财政局：请于8月20日前报送本单位自查报告。",
        "http://localhost:8080/camunda/app/tasklist/default/");
  }

  private static final List<Recipient> FINANCE = List.of(
      new Recipient("finance-liaison", "王敏", "finance-liaison@demo-county.gov.cn"),
      new Recipient("finance-head", "郑国平", "finance-head@demo-county.gov.cn"));

  @Test
  void shouldRecordMailOff_andStartNoDelivery_whenNoMailServerIsConfigured() {
    // given
    String campaign = "NR-" + UUID.randomUUID();
    Notification notification = taskCreated(campaign, "dept-finance");
    // when
    notifications.send(notification, FINANCE);
    // then
    List<NotificationRecord> records = notifications.ofEvent(notification.eventKey());
    assertThat(records).extracting(NotificationRecord::recipientId).containsExactly("finance-liaison", "finance-head");
    assertThat(records).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo("MAIL_OFF");
      assertThat(r.statusLabel()).isEqualTo("未发送：未配置邮件服务器");
      assertThat(r.subject()).isEqualTo("【待办】请报送自查报告");
      assertThat(r.campaignCode()).isEqualTo(campaign);
      assertThat(r.createdAt()).isNotNull();
      assertThat(r.sentAt()).isNull();
      assertThat(r.attempts()).isZero();
    });
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NotificationModel.DELIVERY_PROCESS).processInstanceBusinessKey(campaign).count())
        .isZero();
  }

  @Test
  void shouldRecordEachEventOncePerRecipient_whenSentAgain() {
    // given
    String campaign = "NR-" + UUID.randomUUID();
    Notification notification = taskCreated(campaign, "dept-finance");
    notifications.send(notification, FINANCE.subList(0, 1));
    // when: the same event again, now also to the head
    notifications.send(notification, FINANCE);
    notifications.send(notification, FINANCE);
    // then
    assertThat(notifications.ofEvent(notification.eventKey())).extracting(NotificationRecord::recipientId)
        .containsExactly("finance-liaison", "finance-head");
  }

  @Test
  void officeAndAuditorsReadAllDepartments_aDepartmentOnlyItsOwn() {
    // given
    String campaign = "NR-" + UUID.randomUUID();
    notifications.send(taskCreated(campaign, "dept-finance"), FINANCE);
    notifications.send(taskCreated(campaign, "dept-market"),
        List.of(new Recipient("market-liaison", "何静", "market-liaison@demo-county.gov.cn")));
    CampaignRest rest = new CampaignRest(port);
    String all = "/campaign/api/notifications?campaignCode=" + campaign;
    String finance = all + "&department=dept-finance";
    // when / then
    for (String reader : List.of("office", "auditor")) {
      CampaignRest.Reply reply = rest.get(reader, all);
      assertThat(reply.status()).as(reader).isEqualTo(200);
      assertThat(reply.json().findValuesAsText("recipientId"))
          .containsExactly("finance-liaison", "finance-head", "market-liaison");
    }
    JsonNode own = rest.get("finance-liaison", finance).json();
    assertThat(own.findValuesAsText("recipientId")).containsExactly("finance-liaison", "finance-head");
    assertThat(own.get(0).path("statusLabel").asText()).isEqualTo("未发送：未配置邮件服务器");
    assertThat(own.get(0).path("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

    assertThat(rest.get("finance-liaison", all).status()).isEqualTo(403);
    assertThat(rest.get("market-liaison", finance).status()).isEqualTo(403);
    assertThat(rest.get(null, all).status()).isEqualTo(401);
  }
}
