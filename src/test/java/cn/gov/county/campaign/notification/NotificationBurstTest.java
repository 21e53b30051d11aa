package cn.gov.county.campaign.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.SlowSmtpRelay;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A burst of mail with the job executor running: 300 departments' liaisons told at once, through a
 * slow mail server (GreenMail behind a relay that answers every SMTP reply late), while a
 * department keeps working in the REST API. Every delivery job holds one database connection at a
 * time, so nobody waits for the pool: no REST call fails, no job fails, every mail goes out once.
 */
@Tag("own-application")
class NotificationBurstTest {

  private static final int DEPARTMENTS = 300;
  private static final String ENGINE = "burst";

  @Test
  void threeHundredDepartmentsAreMailedOnceThroughASlowServer_whileTheRestApiKeepsAnswering() throws Exception {
    GreenMail mailServer = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    try (SlowSmtpRelay relay = new SlowSmtpRelay(mailServer.getSmtp().getPort(), 40);
        ConfigurableApplicationContext application = new SpringApplicationBuilder(CampaignApplication.class).run(
            "--spring.datasource.url=jdbc:h2:mem:notification-burst;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--camunda.bpm.process-engine-name=" + ENGINE,
            "--camunda.bpm.job-execution.enabled=true",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + relay.port())) {
      ProcessEngine engine = application.getBean(ProcessEngine.class);
      Notifications notifications = application.getBean(Notifications.class);
      CampaignRest rest = new CampaignRest(((WebServerApplicationContext) application).getWebServer().getPort());

      // a department working in the REST API all the while
      AtomicBoolean burstOver = new AtomicBoolean();
      ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
      Thread department = new Thread(() -> {
        while (!burstOver.get()) {
          answers.add(rest.get("finance-liaison", "/engine-rest/engine/" + ENGINE + "/task?candidateGroup=dept-finance")
              .status());
          answers.add(rest.get("finance-liaison", "/engine-rest/engine/" + ENGINE + "/task/count").status());
        }
      });
      department.start();

      // when: one event tells every department's liaison
      List<Recipient> liaisons = IntStream.rangeClosed(1, DEPARTMENTS)
          .mapToObj(
              n -> new Recipient("dept-" + n + "-liaison", "联络员" + n, "dept-" + n + "-liaison@demo-county.gov.cn"))
          .toList();
      notifications.send(new Notification("burst:" + System.nanoTime(), "BURST-2026", null,
          "【督办通报】作风建设活动第一阶段工作进度", "请各单位按时报送自查报告。", null), liaisons);
      long deadline = System.currentTimeMillis() + 90_000;
      while (mailServer.getReceivedMessages().length < DEPARTMENTS && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      // every delivery instance has ended: nothing left to send twice
      while (engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(NotificationModel.DELIVERY_PROCESS).count() > 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      burstOver.set(true);
      department.join();

      // then: every liaison got exactly one mail
      Map<String, Integer> perRecipient = new TreeMap<>();
      for (MimeMessage mail : mailServer.getReceivedMessages()) {
        perRecipient.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
      }
      assertThat(perRecipient).hasSize(DEPARTMENTS);
      assertThat(perRecipient.values()).containsOnly(1);
      assertThat(notifications.ofCampaign("BURST-2026", null)).hasSize(DEPARTMENTS)
          .allSatisfy(record -> assertThat(record.statusLabel()).isEqualTo("已发送"));
      // and: no job failed, no incident, and the department's REST calls were all answered
      assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      assertThat(answers).isNotEmpty().containsOnly(200);
    } finally {
      mailServer.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
