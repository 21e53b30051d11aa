package cn.gov.county.campaign.tasklist;

import static cn.gov.county.campaign.TasklistBrowser.CLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.START_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forms that work with the user (issue 17 point 5, the launch of point 6), in Chinese Chromium with
 * Tasklist's own Camunda Forms and {@code tasklist/scripts/form-assist.js}: a department's task opens
 * claimed (the office's look at it claims nothing), numbers only in number fields, 完成 on a list form
 * without 保存 (also after reopening a saved draft), 「已提交：…」 after 完成, and in the 发起流程
 * dialog Esc in a date picker, a confirmation before a changed form is closed, client and server
 * errors at their fields and the campaign code with a link to the ledger after the launch.
 * Screenshots: {@code target/screenshots/forms-*}.
 */
@CampaignIntegrationTest
class FormsBrowserTest {

  private static final By BANNER = By.cssSelector(".campaign-form-banner");
  private static final By NUMBER_HINT = By.cssSelector(".campaign-number-hint");
  private static final By SAVE_BUTTON = By.cssSelector("button[ng-click='save($event)']");
  private static final By OPEN_CALENDAR = By.cssSelector(".flatpickr-calendar.open");
  private static final By DIALOG = By.cssSelector(".modal-dialog");

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("forms-");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;
  @Autowired
  HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDepartmentTaskOpensClaimedForItsLiaison_takesOnlyNumbers_andCompletingConfirmsTheTask() {
    // given: the finance bureau's work plan is waiting for its liaison
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    Task plan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");

    // when: the office (which reads every department's tasks) looks at it
    browser.logIn(port, "office", "office");
    open(plan);
    browser.await("the work plan form for the office", d -> browser.textOf(FORM).contains("制定工作方案"));
    browser.await("the claim button offered to the office", d -> browser.visible(CLAIM_BUTTON));
    pause(Duration.ofSeconds(3));

    // then: nothing is claimed for the office
    assertThat(driver.tasks.createTaskQuery().taskId(plan.getId()).singleResult().getAssignee()).isNull();
    assertThat(browser.visible(CLAIM_BUTTON)).as("still to be claimed").isNotNull();

    // when: the finance liaison opens it
    browser.driver().manage().deleteAllCookies();
    browser.logIn(port, "finance-liaison", "finance-liaison");
    open(plan);

    // then: it is his and ready to fill, without a click on 认领
    browser.await("the task claimed on opening", d -> browser.visible(UNCLAIM_BUTTON));
    browser.await("the form ready to fill", ExpectedConditions.elementToBeClickable(field("workPlan")));
    browser.capture("claimed-on-opening");
    assertThat(driver.tasks.createTaskQuery().taskId(plan.getId()).singleResult().getAssignee())
        .isEqualTo("finance-liaison");

    // when: he fills it in and completes
    browser.type("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠，每周调度一次。");
    browser.type("workPlanLeader", "钱志远");
    browser.await("完成 enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.click(COMPLETE_BUTTON);

    // then: a banner confirms which task was submitted
    browser.await("the confirmation", d -> browser.textOf(BANNER).contains("已提交：制定工作方案"));
    browser.capture("submitted");
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(plan.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("finance-liaison");

    // when: in the next task he types "三十人" into the number of participants
    driver.runJobs();
    Task discussion = driver.open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, "dept-finance");
    open(discussion);
    browser.await("the discussion task claimed on opening", d -> browser.visible(UNCLAIM_BUTTON));
    WebElement participants = browser.await("the number field",
        ExpectedConditions.elementToBeClickable(field("discussionParticipants")));
    browser.scrollIntoView(participants);
    participants.click();
    // what a Chinese input method hands the page when the clerk confirms 三十人
    ((ChromeDriver) browser.driver()).executeCdpCommand("Input.insertText", Map.of("text", "三十人"));

    // then: the field refuses it with a Chinese hint, and shows no "NaN"
    browser.await("the hint at the number field", d -> browser.textOf(NUMBER_HINT).contains("只能填写阿拉伯数字"));
    browser.capture("number-refused");
    assertThat(browser.driver().findElement(field("discussionParticipants")).getDomProperty("value"))
        .doesNotContain("NaN").doesNotContain("三");
    assertThat(browser.textOf(FORM)).doesNotContain("NaN");

    // when: he types the number
    browser.type("discussionParticipants", "30");
    browser.type("discussionOutcome", "围绕什么是在状态、什么是不在状态、怎样进状态开展讨论，形成共识，查找问题三条。");
    browser.click(COMPLETE_BUTTON);

    // then: 30 is recorded
    browser.await("the confirmation", d -> browser.textOf(BANNER).contains("已提交：记录大讨论情况"));
    assertThat(((Number) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(discussion.getProcessInstanceId()).variableName("discussionParticipants")
        .singleResult().getValue()).intValue()).isEqualTo(30);
  }

  @Test
  void completeIsEnabledOnAListForm_withoutSave_andAfterReopeningASavedDraft() {
    // given: the finance bureau's self-inspection checklist (a dynamic list, filled in advance)
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 4), 10, 0));
    driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"), "finance-liaison",
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"));
    driver.complete(driver.open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, "dept-finance"),
        "finance-liaison",
        Map.of("discussionParticipants", 36, "discussionOutcome", "围绕什么是在状态、什么是不在状态、怎样进状态开展讨论，形成共识。"));
    Task selfInspect = driver.open(code, CampaignModel.SelfInspection.SELF_INSPECT, "dept-finance");

    // when: the liaison opens it, marks the first item as a problem of his unit and describes it
    browser.logIn(port, "finance-liaison", "finance-liaison");
    open(selfInspect);
    browser.await("the task claimed on opening", d -> browser.visible(UNCLAIM_BUTTON));
    browser.click(row("applies", 0));
    WebElement problem = browser.await("the problem field of the first row",
        ExpectedConditions.elementToBeClickable(row("problem", 0)));
    browser.scrollIntoView(problem);
    problem.sendKeys("窗口服务态度生硬，群众办事等候时间长");
    browser.type("servedOpinions", "走访服务对象 20 家，收集意见 5 条。");

    // then: 完成 is enabled without 保存
    browser.scrollIntoView(browser.driver().findElement(COMPLETE_BUTTON));
    browser.await("完成 enabled without 保存", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.capture("list-complete-enabled");

    // when: he saves the draft, comes back to it later and adds the cause
    browser.click(SAVE_BUTTON);
    browser.driver().navigate().refresh();
    browser.await("the saved draft",
        d -> d.findElement(row("problem", 0)).getDomProperty("value").contains("窗口服务态度生硬"));
    WebElement cause = browser.await("the cause field of the first row",
        ExpectedConditions.elementToBeClickable(row("cause", 0)));
    browser.scrollIntoView(cause);
    cause.sendKeys("宗旨意识不强");

    // then: 完成 is enabled, and completes the task with the list
    browser.scrollIntoView(browser.driver().findElement(COMPLETE_BUTTON));
    browser.await("完成 enabled on the reopened draft", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.capture("draft-complete-enabled");
    browser.click(COMPLETE_BUTTON);
    browser.await("the confirmation", d -> browser.textOf(BANNER).contains("已提交：对照清单自查"));
    ArrayNode rows = (ArrayNode) JsonVariables.toJson(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(selfInspect.getProcessInstanceId()).variableName("selfInspection")
        .disableCustomObjectDeserialization()
        .singleResult().getTypedValue());
    assertThat(rows.get(0).path("problem").asText()).isEqualTo("窗口服务态度生硬，群众办事等候时间长");
    assertThat(rows.get(0).path("cause").asText()).isEqualTo("宗旨意识不强");
  }

  @Test
  void theLaunchDialogKeepsWhatWasTyped_showsErrorsAtTheirFields_andAfterTheLaunchTheCodeAndTheLedger() {
    // given: a campaign whose code is taken
    CampaignDriver driver = new CampaignDriver(engine);
    String taken = driver.launch("表单助手占用编号活动",
        AugustCampaign.ALL.stream().filter(d -> !d.equals("dept-finance")).toList());
    Map<String, Object> form = CampaignDriver.launchForm("x", List.of());
    String name = "表单助手演练活动 " + UUID.randomUUID().toString().substring(0, 6);

    // when: the office opens the launch dialog and types the name
    browser.logIn(port, "office", "office");
    browser.openStartForm(port, CampaignModel.CAMPAIGN_PROCESS);
    browser.type("campaignName", name);

    // when: he starts with only the name filled in
    browser.click(START_BUTTON);

    // then: the form scrolls up from 启动 at its bottom to the first missing field
    browser.await("the first error in view", d -> inView(d.findElement(field("documentNumber"))));
    browser.capture("client-errors");

    // when: he opens a date picker
    browser.click(date("mobilizationStart"));
    browser.await("the calendar open", d -> browser.visible(OPEN_CALENDAR));

    // and presses Esc
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);

    // then: the calendar closes, the dialog and the name stay
    browser.await("the calendar closed", ExpectedConditions.invisibilityOfElementLocated(OPEN_CALENDAR));
    pause(Duration.ofSeconds(1));
    assertThat(browser.visible(DIALOG)).as("the launch dialog").isNotNull();
    assertThat(browser.driver().findElement(field("campaignName")).getDomProperty("value")).isEqualTo(name);

    // when: he presses Esc again (no calendar open)
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);

    // then: he is asked first, and answering no keeps the dialog
    By question = By.cssSelector(".campaign-discard-question");
    browser.await("the question before closing", d -> browser.textOf(question).contains("确定要关闭吗"));
    browser.capture("asked-before-closing");
    assertThat(browser.textOf(question)).contains("尚未提交", "继续填写", "放弃并关闭");
    browser.click(By.cssSelector(".campaign-discard-question .cdq-keep"));
    browser.await("the question answered", ExpectedConditions.invisibilityOfElementLocated(question));
    pause(Duration.ofSeconds(1));
    assertThat(browser.visible(DIALOG)).as("the launch dialog after answering no").isNotNull();
    assertThat(browser.driver().findElement(field("campaignName")).getDomProperty("value")).isEqualTo(name);

    // when: he fills everything in, with a code already used
    browser.type("campaignCode", taken);
    browser.type("documentNumber", "示委办〔2026〕88号");
    for (String date : List.of("mobilizationStart", "mobilizationEnd", "discussionStart", "discussionEnd",
        "selfInspectionDueDate", "researchStart", "researchEnd", "rectificationStart", "rectificationEnd",
        "consolidationStart", "consolidationEnd")) {
      typeDate(date, (String) form.get(date));
    }
    browser.click(field("campaignName")); // leaves the last date
    browser.capture("filled");
    browser.click(START_BUTTON);

    // then: the server's refusal is shown at the code field, which is scrolled into view
    By codeError = By.xpath("//*[contains(@id,'-Field_campaignCode')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
        + "//*[contains(@class,'campaign-field-error')]");
    browser.await("the refusal at the code field", d -> browser.textOf(codeError).contains("已被使用"));
    browser.await("the code field in view", d -> inView(d.findElement(field("campaignCode"))));
    assertThat(browser.textOf(BANNER)).contains("未提交").contains(taken);
    browser.capture("server-error-at-field");

    // when: he takes a new code
    String code = "FA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    browser.type("campaignCode", code);
    browser.click(START_BUTTON);

    // then: the banner names the campaign and its code, and links to its ledger
    browser.await("the launch confirmed with the code", d -> browser.textOf(BANNER).contains(code));
    browser.capture("launched");
    assertThat(browser.textOf(BANNER)).contains("已发起整改活动「" + name + "」", "活动编号 " + code, "查看督查台账");
    WebElement ledger = browser.driver().findElement(By.cssSelector(".campaign-form-banner a.cfb-ledger"));
    assertThat(ledger.getAttribute("href")).endsWith("/camunda/app/cockpit/default/#/campaign-review/" + code);
    HistoricProcessInstance launched = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).variableValueEquals(CampaignModel.CAMPAIGN_NAME, name)
        .singleResult();
    assertThat(launched.getStartUserId()).isEqualTo("office");
    // (its preparation job is not run: the test database keeps no half-prepared campaign)
    engine.getRuntimeService().deleteProcessInstance(launched.getId(), "browser test");
  }

  /** The text input of a form-js date field: its id ends in -Field_&lt;key&gt;-date. */
  private static By date(String key) {
    return By.cssSelector("[id$='-Field_" + key + "-date']");
  }

  /** Types a date as a clerk may (the picker reads the typed text when the field is left). */
  private void typeDate(String key, String text) {
    WebElement input = browser.await(key + " editable", ExpectedConditions.elementToBeClickable(date(key)));
    browser.scrollIntoView(input);
    // in the picker's format: the Chinese picker (chinese-dates.js, placeholder 「年-月-日，如 …」) takes
    // yyyy-mm-dd; form-js's own shows its format in the placeholder (e.g. mm/dd/yyyy)
    LocalDate day = LocalDate.parse(text);
    String placeholder = input.getAttribute("placeholder").toLowerCase();
    String typed = !placeholder.contains("yyyy")
        ? text
        : placeholder
            .replace("yyyy", String.format("%04d", day.getYear()))
            .replace("mm", String.format("%02d", day.getMonthValue()))
            .replace("dd", String.format("%02d", day.getDayOfMonth()));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), typed);
    browser.await(key + " showing " + typed, d -> typed.equals(d.findElement(date(key)).getDomProperty("value")));
  }

  private static By row(String key, int index) {
    return By.cssSelector("[id$='-Field_" + key + "_" + index + "']");
  }

  private boolean inView(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
        element);
  }

  private void open(Task task) {
    browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
