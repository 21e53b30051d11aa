package cn.gov.county.campaign.escalation;

import static cn.gov.county.campaign.TasklistBrowser.CLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static cn.gov.county.campaign.TasklistBrowser.listEntry;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office approves the first step of the ladder, a reminder, in the real Tasklist
 * in Chinese Chromium: the department misses its work plan date, the office's clerk sees the
 * drafted reminder in the escalation form, weighs stopping the ladder (a reason becomes
 * required), agrees to issue it, and then reads the numbered, printable notice in the same
 * browser session.
 *
 * <p>The browser and its requirements: {@link TasklistBrowser}. Screenshots go to
 * {@code target/screenshots/escalation-*}.
 */
@CampaignIntegrationTest
class EscalationStepBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("escalation-");

  private static final By REASON_LABEL = By.cssSelector("label[for$='-Field_escalationReason']");
  private static final By REASON_REQUIRED_MARK = By.cssSelector("label[for$='-Field_escalationReason'] .fjs-asterix");
  private static final By PRINT_BUTTON = By.xpath("//button[normalize-space()='打印']");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService history;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  Notices notices;

  @Autowired
  EscalationLedger ledger;

  private CampaignDriver campaign;

  @BeforeEach
  void setUp() {
    campaign = new CampaignDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldIssueTheDraftedReminder_whenTheSupervisionOfficeApprovesItInTasklist() {
    // given: the finance bureau's work plan was due on Thursday 20 August; on Friday morning the
    // deadline watch starts the ladder and the supervision office has a reminder to approve
    String code = AugustCampaign.launch(campaign, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    campaign.runJobs();
    Task reminder = single(campaign.open(code, EscalationModel.ISSUE_REMINDER));
    String draftedTitle = (String) campaign.tasks.getVariable(reminder.getId(), EscalationModel.NOTICE_TITLE);
    assertThat(draftedTitle).contains("催办");

    // when: the supervisor logs in to Tasklist and opens the task
    WebDriver driver = browser.driver();
    browser.logIn(port, "supervisor", "supervisor");
    By entry = listEntry(reminder.getId());
    browser.await("task " + reminder.getId() + " in the task list", d -> browser.visible(entry));
    assertThat(driver.findElement(entry).getText()).contains("签发催办通知");
    browser.click(entry);

    // then: the form is in Chinese, names the department and the overdue task, and holds the draft
    browser.await("the escalation form", d -> browser.visible(field("noticeTitle")));
    browser.await("the intro with the department", d -> browser.textOf(FORM).contains("县财政局"));
    browser.capture("form");
    String form = browser.textOf(FORM);
    assertThat(form.replaceAll("\\s+", "")).contains("审批督办措施：催办", "逾期单位：县财政局（政府职能部门）",
        "逾期任务：制定工作方案", "办理时限：2026年8月20日23:59", "已逾期：1个工作日", "本次督办已采取的措施：无",
        "文书标题", "文书正文", "审批意见", "同意签发", "调整后签发", "停止督办");
    assertThat(form).doesNotContain("{{").doesNotContainPattern("[A-Za-z]{3,}");
    assertThat(driver.findElement(field("noticeTitle")).getDomProperty("value")).isEqualTo(draftedTitle);
    assertThat(driver.findElement(field("noticeBody")).getDomProperty("value"))
        .isEqualTo(campaign.tasks.getVariable(reminder.getId(), "noticeBody"));
    assertThat(browser.visible(field("escalationReason"))).as("理由 before a decision").isNull();

    // when: the supervisor claims it and considers stopping the ladder
    browser.click(CLAIM_BUTTON);
    browser.await("the task claimed (unclaim button)", d -> browser.visible(UNCLAIM_BUTTON));
    browser.click(option("escalationDecision", 2));

    // then: a reason is asked for, marked and checked as required
    browser.await("理由 shown for 停止督办", d -> browser.visible(field("escalationReason")));
    browser.scrollIntoView(driver.findElement(field("escalationReason")));
    browser.capture("stop-needs-reason");
    assertThat(browser.textOf(REASON_LABEL)).startsWith("理由");
    assertThat(browser.visible(REASON_REQUIRED_MARK)).as("required mark (*) at 理由").isNotNull();
    assertThat(driver.findElement(field("escalationReason")).getDomProperty("required")).isEqualTo("true");
    assertThat(browser.textOf(FORM)).contains("调整或停止督办须说明理由");

    // when: the supervisor agrees to issue the reminder as drafted and completes the task
    browser.click(option("escalationDecision", 0));
    browser.await("理由 hidden again", ExpectedConditions.invisibilityOfElementLocated(field("escalationReason")));
    browser.await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.capture("issue");
    browser.click(COMPLETE_BUTTON);

    // then: the task leaves the list, completed by the supervisor
    browser.await("the task gone from the list", ExpectedConditions.invisibilityOfElementLocated(entry));
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(reminder.getId()).singleResult();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo("supervisor");
    assertThat(campaign.open(code, EscalationModel.ISSUE_REMINDER)).isEmpty();

    // when: the issue step (asynchronous) runs
    campaign.runJobs();

    // then: the campaign has its first notice, a reminder with the drafted title ...
    IssuedNotice notice = single(notices.ofCampaign(code, null));
    assertThat(notice.kind()).isEqualTo(NoticeKind.REMINDER);
    assertThat(notice.kind().label()).isEqualTo("催办通知");
    assertThat(notice.number()).isEqualTo(code + "〔2026〕1号");
    assertThat(notice.title()).isEqualTo(draftedTitle);
    assertThat(notice.department()).isEqualTo("dept-finance");
    // ... recorded in the escalation ledger as the supervisor's decision
    EscalationLedger.Step step = single(ledger.steps(code, "dept-finance"));
    assertThat(step.stepLabel()).isEqualTo("催办");
    assertThat(step.decision()).isEqualTo("issue");
    assertThat(step.noticeNumber()).isEqualTo(notice.number());
    assertThat(step.takenBy()).isEqualTo("supervisor");

    // ... which the supervisor can open and print in the same browser session
    driver.get("http://localhost:" + port + notice.url());
    browser.await("the printable notice", d -> browser.textOf(By.tagName("body")).contains(notice.number()));
    browser.capture("notice");
    assertThat(browser.textOf(By.tagName("h1"))).isEqualTo(draftedTitle);
    assertThat(browser.textOf(By.tagName("body"))).contains("县财政局：", "2026年8月21日");
    assertThat(browser.visible(PRINT_BUTTON)).as("打印 button").isNotNull();
  }

  private static <T> T single(List<T> found) {
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
