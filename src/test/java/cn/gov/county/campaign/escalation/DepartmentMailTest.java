package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.campaign.CampaignDriver;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A department's mail through a real SMTP server (GreenMail): its liaison is written to when its
 * task is created, when the due date is near and when it is overdue; the unit head and the office
 * hear of the escalation. The application needs {@code spring.mail.host}, so it is one of its own.
 */
@Tag("own-application")
class DepartmentMailTest {

  private static final int SMTP_PORT = freePort();
  private static final String LIAISON = "finance-liaison@demo-county.gov.cn";

  private static ConfigurableApplicationContext application;
  private static GreenMail mailServer;
  private static CampaignDriver driver;
  private static DeadlineWatch watch;

  @BeforeAll
  static void start() {
    mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    application = new SpringApplicationBuilder(CampaignApplication.class).run(
        "--spring.datasource.url=jdbc:h2:mem:department-mail;DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=departmentmail",
        "--camunda.bpm.job-execution.enabled=false",
        "--campaign.calendar.directory=target/department-mail-calendar",
        "--campaign.public-url=https://campaign.demo-county.gov.cn",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + SMTP_PORT);
    driver = new CampaignDriver(application.getBean(ProcessEngine.class));
    watch = application.getBean(DeadlineWatch.class);
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (application != null) {
      application.close();
    }
    mailServer.stop();
  }

  @Test
  void theLiaisonIsToldOfANewTaskOfItsNearDeadlineAndOfItsBeingOverdueThenHeadAndOfficeOfTheEscalation()
      throws Exception {
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    Task workPlan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    String link = "https://campaign.demo-county.gov.cn/camunda/app/tasklist/default/#/?task=" + workPlan.getId();

    // the task is created: mail after the save point (the delivery job)
    driver.runJobs();
    MimeMessage created = single(LIAISON, "【待办】制定工作方案");
    assertThat(text(created)).contains("县财政局：", "制定工作方案", "2026年8月20日 23:59", link);
    // the yellow window: two working days before the due day
    assertThat(workPlan.getFollowUpDate()).isEqualTo(AugustCampaign.at(LocalDate.of(2026, 8, 18), 0, 0));

    // Wednesday 19 August: the due date is near
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 19), 9, 0));
    watch.scan();
    driver.runJobs();
    assertThat(text(single(LIAISON, "【即将到期】制定工作方案"))).contains("将于2026年8月20日 23:59到期", link);

    // Friday 21 August: overdue; the ladder starts with a reminder the supervision office issues
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    watch.scan();
    driver.runJobs();
    assertThat(text(single(LIAISON, "【已逾期】制定工作方案"))).contains("现已逾期", "该任务仍可办理", link);
    Task reminder = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(EscalationModel.ISSUE_REMINDER).singleResult();
    driver.complete(reminder, "supervisor", Map.of("escalationDecision", "issue",
        "noticeTitle", driver.tasks.getVariable(reminder.getId(), EscalationModel.NOTICE_TITLE),
        "noticeBody", driver.tasks.getVariable(reminder.getId(), "noticeBody")));

    MimeMessage toLiaison = single(LIAISON, "【催办】");
    assertThat(text(toLiaison)).contains("已逾期1个工作日", "〔2026〕1号",
        "https://campaign.demo-county.gov.cn/campaign/notices/",
        link);
    assertThat(single("office@demo-county.gov.cn", "【催办】")).isNotNull();
    // the unit head is told from the supervision notice on, not of a reminder
    assertThat(to("finance-head@demo-county.gov.cn")).isEmpty();
    // the watch ran twice on the 21st: still one overdue mail, one ladder
    assertThat(driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(EscalationModel.PROCESS).count()).isZero();
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
  }

  /** Exactly one mail to that address whose subject starts so. */
  private static MimeMessage single(String address, String subjectStart) throws Exception {
    List<MimeMessage> found = to(address).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
    assertThat(found).as("mail to %s starting %s", address, subjectStart).hasSize(1);
    return found.get(0);
  }

  private static List<MimeMessage> to(String address) {
    return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) throws Exception {
    return (String) message.getContent();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
