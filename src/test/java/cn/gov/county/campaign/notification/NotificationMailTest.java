package cn.gov.county.campaign.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.CampaignRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mail through a real SMTP server (GreenMail) that the test stops and starts again. The
 * application needs {@code spring.mail.host}, which the shared test profile must not have (other
 * tests run every job), so this test starts an application of its own.
 */
@Tag("own-application")
class NotificationMailTest {

  /** One port for the whole test: the application is configured with it, the server restarts on it. */
  private static final int SMTP_PORT = freePort();

  /** The engine of this application has its own name, so REST paths name it. */
  private static final String ENGINE = "notification";
  private static final String ENGINE_REST = "/engine-rest/engine/" + ENGINE;

  private static ConfigurableApplicationContext application;
  private static Notifications notifications;
  private static RuntimeService runtimeService;
  private static ManagementService managementService;
  private static ProcessEngine engine;
  private static CampaignRest rest;

  private GreenMail mailServer;

  @BeforeAll
  static void startApplication() {
    application = new SpringApplicationBuilder(CampaignApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:notification-mail;DB_CLOSE_DELAY=-1",
        "--server.port=0",
        // its own engine name, so that it does not replace another context's "default" engine
        "--camunda.bpm.process-engine-name=" + ENGINE,
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT,
        "--spring.mail.properties.mail.smtp.connectiontimeout=5000",
        "--spring.mail.properties.mail.smtp.timeout=5000");
    notifications = application.getBean(Notifications.class);
    engine = application.getBean(ProcessEngine.class);
    runtimeService = engine.getRuntimeService();
    managementService = engine.getManagementService();
    rest = new CampaignRest(((WebServerApplicationContext) application).getWebServer().getPort());
  }

  @AfterAll
  static void stopApplication() {
    if (application != null) {
      application.close();
    }
  }

  @BeforeEach
  void startMailServer() {
    mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
  }

  @AfterEach
  void stopMailServerAndResetClock() {
    mailServer.stop();
    ClockUtil.reset();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Notification overdue(String campaign) {
    return new Notification("task-overdue:" + UUID.randomUUID(), campaign, "dept-finance",
        "【逾期提醒】县财政局自查报告已逾期", "县财政局：本单位自查报告已超过报送时限（8月20日），请尽快报送。",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=abc");
  }

  private static final Recipient LIAISON = new Recipient("finance-liaison", "王敏", "finance-liaison@demo-county.gov.cn");

  private static ProcessInstance deliveryOf(String campaign) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationModel.DELIVERY_PROCESS)
        .processInstanceBusinessKey(campaign).singleResult();
  }

  private static Job jobOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static NotificationRecord recordOf(Notification notification) {
    return notifications.ofEvent(notification.eventKey()).get(0);
  }

  @Test
  void shouldMailTheNotificationInChineseWithTheLink_once() throws Exception {
    // given
    String campaign = "NM-" + UUID.randomUUID();
    Notification notification = overdue(campaign);
    notifications.send(notification, List.of(LIAISON, new Recipient("finance-head", "郑国平", null)));
    ProcessInstance delivery = deliveryOf(campaign);
    assertThat(recordOf(notification).statusLabel()).isEqualTo("待发送");
    // when: the save point is passed
    managementService.executeJob(jobOf(delivery).getId());
    // then: one mail, decoded as the recipient's mail program shows it
    MimeMessage[] mails = mailServer.getReceivedMessages();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails[0];
    assertThat(mail.getSubject()).isEqualTo("【逾期提醒】县财政局自查报告已逾期");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("campaign-office@demo-county.gov.cn");
    assertThat(from.getPersonal()).isEqualTo("县作风建设活动领导小组办公室");
    InternetAddress to = (InternetAddress) mail.getAllRecipients()[0];
    assertThat(to.getAddress()).isEqualTo("finance-liaison@demo-county.gov.cn");
    assertThat(to.getPersonal()).isEqualTo("王敏");
    assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
    String body = (String) mail.getContent();
    assertThat(body).startsWith("县财政局：本单位自查报告已超过报送时限（8月20日），请尽快报送。")
        .contains("详情请见：http://localhost:8080/camunda/app/tasklist/default/#/?task=abc")
        .contains("——县作风建设活动领导小组办公室");
    assertThat(body.strip().lines().toList()).last().asString().startsWith("——");

    // and: the record says so; the head without an address is recorded only
    List<NotificationRecord> records = notifications.ofEvent(notification.eventKey());
    assertThat(records).extracting(NotificationRecord::recipientId, NotificationRecord::statusLabel).containsExactly(
        tuple("finance-liaison", "已发送"),
        tuple("finance-head", "未发送：无邮箱地址"));
    assertThat(records.get(0).sentAt()).isNotNull();
    assertThat(records.get(0).attempts()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(delivery.getId()).count()).isZero();

    // when: the same event again
    notifications.send(notification, List.of(LIAISON, new Recipient("finance-head", "郑国平", null)));
    // then: nothing new is recorded, started or mailed
    assertThat(notifications.ofEvent(notification.eventKey())).hasSize(2);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NotificationModel.DELIVERY_PROCESS).processInstanceBusinessKey(campaign).count())
        .isEqualTo(1);
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
  }

  @Test
  void shouldRetryWithBackoff_raiseAnIncident_andMailOnce_whenTheOfficeRetriesAfterTheServerIsBack() throws Exception {
    // given: the mail server is down
    mailServer.stop();
    Instant start = Instant.parse("2026-08-21T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    String campaign = "NM-" + UUID.randomUUID();
    Notification notification = overdue(campaign);
    notifications.send(notification, List.of(LIAISON));
    ProcessInstance delivery = deliveryOf(campaign);

    Job job = jobOf(delivery);
    // then: the engine read ${notificationRetryCycle}: a first attempt and one retry per interval
    assertThat(job.getRetries()).isEqualTo(6);

    // when: every attempt fails, each made when the job is due
    List<Duration> backoff = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(4));
    Instant now = start;
    for (int attempt = 1; attempt <= 6; attempt++) {
      ClockUtil.setCurrentTime(Date.from(now));
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining("Mail server connection failed");
      job = jobOf(delivery);
      // then: retries go down and the job waits for the next interval (the last one repeats)
      assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(6 - attempt);
      Duration wait = backoff.get(Math.min(attempt, backoff.size()) - 1);
      assertThat(job.getDuedate().toInstant()).as("due after attempt %d", attempt).isEqualTo(now.plus(wait));
      assertThat(recordOf(notification).attempts()).isEqualTo(attempt);
      now = job.getDuedate().toInstant();
    }

    // then: the office sees the incident (Cockpit reads the same), the record says why
    JsonNode incidents = rest.get("office", ENGINE_REST + "/incident?processInstanceId=" + delivery.getId()).json();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incidents.get(0).path("activityId").asText()).isEqualTo(NotificationModel.SEND_MAIL);
    assertThat(incidents.get(0).path("incidentMessage").asText()).contains("Mail server connection failed");
    NotificationRecord failed = recordOf(notification);
    assertThat(failed.statusLabel()).isEqualTo("发送失败，等待重试");
    assertThat(failed.lastError()).contains("Couldn't connect to host");
    assertThat(mailServer.getReceivedMessages()).isEmpty();

    // when: the server is back and the office retries the incident, as Cockpit does
    startMailServer();
    CampaignRest.Reply retry = rest.put("office", ENGINE_REST + "/job/" + job.getId() + "/retries", "{\"retries\": 1}");
    assertThat(retry.status()).as(retry.body()).isEqualTo(204);
    managementService.executeJob(job.getId());

    // then: the mail goes out once, the incident is resolved, the record says sent
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(mailServer.getReceivedMessages()[0].getSubject()).isEqualTo(notification.subject());
    assertThat(rest.get("office", ENGINE_REST + "/incident?processInstanceId=" + delivery.getId()).json()).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(delivery.getId()).count()).isZero();
    JsonNode records = rest.get("office", "/campaign/api/notifications?campaignCode=" + campaign).json();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("statusLabel").asText()).isEqualTo("已发送");
    assertThat(records.get(0).path("attempts").asInt()).isEqualTo(7);
    assertThat(records.get(0).path("sentAt").asText()).isNotEmpty();
  }

  @Test
  void shouldNotMailAgain_whenADeliveryRunsForANotificationAlreadySent() {
    // given: a notification that was mailed
    String campaign = "NM-" + UUID.randomUUID();
    Notification notification = overdue(campaign);
    notifications.send(notification, List.of(LIAISON));
    managementService.executeJob(jobOf(deliveryOf(campaign)).getId());
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    // when: another delivery of it runs (an instance started by hand in Cockpit, say)
    ProcessInstance again = runtimeService.startProcessInstanceByKey(NotificationModel.DELIVERY_PROCESS, campaign,
        Map.of(NotificationModel.NOTIFICATION_ID, recordOf(notification).id(),
            NotificationModel.RETRY_CYCLE, "PT1M"));
    managementService.executeJob(jobOf(again).getId());
    // then
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(recordOf(notification).attempts()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(again.getId()).count()).isZero();
  }

  @Test
  void shouldScheduleDelivery_whenSentFromInsideACommandRunningAsADepartmentUser() {
    // given: a department user, who may not start instances of the delivery process
    String campaign = "NM-" + UUID.randomUUID();
    Notification notification = overdue(campaign);
    var identity = engine.getIdentityService();
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    identity.setAuthentication("finance-liaison", List.of("dept-finance"));
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(NotificationModel.DELIVERY_PROCESS))
          .isInstanceOf(AuthorizationException.class);
      // when: a task listener or delegate running as that user notifies
      commands.execute(commandContext -> {
        notifications.send(notification, List.of(LIAISON));
        return null;
      });
    } finally {
      identity.clearAuthentication();
    }
    // then
    ProcessInstance delivery = deliveryOf(campaign);
    assertThat(delivery).isNotNull();
    managementService.executeJob(jobOf(delivery).getId());
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(recordOf(notification).statusLabel()).isEqualTo("已发送");
  }
}
