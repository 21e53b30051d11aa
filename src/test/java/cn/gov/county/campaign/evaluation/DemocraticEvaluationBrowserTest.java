package cn.gov.county.campaign.evaluation;

import static cn.gov.county.campaign.TasklistBrowser.CLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.listEntry;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistBrowser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organization department's clerk decides on a flagged leader in the real Tasklist in Chinese
 * Chromium: the review form shows the votes, the shares, last year's result and the reason, and
 * records the decision with its reasons. Screenshots: {@code target/screenshots/evaluation-*}.
 */
@CampaignIntegrationTest
class DemocraticEvaluationBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("evaluation-");

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Test
  void shouldRecordTheOrganizationDepartmentsDecision_whenItReviewsAFlagInTasklist() {
    // given: the office has recorded 12 of 36 votes 基本称职 or 不称职 for a leader (exactly one third)
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", "");
    form.put("department", "dept-propaganda");
    form.put("leaderName", "林志勇");
    form.put("leaderPost", "副部长");
    form.put("evaluationYear", 2025);
    form.put("votesCompetent", 24);
    form.put("votesBasicallyCompetent", 9);
    form.put("votesIncompetent", 3);
    var started = new CampaignRest(port).post("office",
        "/engine-rest/process-definition/key/" + EvaluationModel.PROCESS + "/start", CampaignRest.variables(form));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Task task = taskService.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult();

    // when: the organization department's clerk opens it in Tasklist
    browser.logIn(port, "orgdept", "orgdept");
    var entry = listEntry(task.getId());
    browser.await("the task in the task list", d -> browser.visible(entry));
    assertThat(browser.driver().findElement(entry).getText()).contains("研判民主测评结果");
    browser.click(entry);

    // then: the form shows what the decision is about, in Chinese
    browser.await("the review form", d -> browser.textOf(FORM).contains("林志勇"));
    browser.capture("review-form");
    String text = browser.textOf(FORM);
    assertThat(text.replaceAll("\\s+", "")).contains("县委宣传部副部长林志勇", "2025年度民主测评触发处理条件",
        "基本称职和不称职票合计达到三分之一", "称职24票，基本称职9票，不称职3票，共36票",
        "12票/36票（33.33%）", "3票/36票（8.33%）", "2024年度无民主测评记录",
        "谈话提醒", "诫勉谈话", "组织调整", "不作组织处理", "研判意见和理由");
    assertThat(text).doesNotContain("{{");

    // when: the clerk claims it, chooses 谈话提醒 and writes the reasons
    browser.click(CLAIM_BUTTON);
    browser.await("the task claimed", d -> browser.visible(UNCLAIM_BUTTON));
    browser.click(option("handlingDecision", 0));
    browser.type("handlingOpinion", "初次触发，由分管领导进行谈话提醒，限期改进。");
    browser.await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.capture("decided");
    browser.click(COMPLETE_BUTTON);

    // then
    browser.await("the task gone from the list", ExpectedConditions.invisibilityOfElementLocated(entry));
    var done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo("orgdept");
    var decision = historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(EvaluationModel.HANDLING_DECISION).singleResult();
    assertThat(decision.getValue()).isEqualTo("talkReminder");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(EvaluationModel.HANDLED_BY).singleResult().getValue()).isEqualTo("orgdept");
  }
}
