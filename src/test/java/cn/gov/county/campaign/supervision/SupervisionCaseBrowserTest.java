package cn.gov.county.campaign.supervision;

import static cn.gov.county.campaign.TasklistBrowser.CLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.START_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.listEntry;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office (县委督查室) opens a case in Tasklist's 启动流程 dialog and issues a measure
 * in the real Tasklist in Chinese Chromium. Screenshots: {@code target/screenshots/supervision-*}.
 */
@CampaignIntegrationTest
class SupervisionCaseBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("supervision-");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  SupervisionMeasures measures;

  @Test
  void theSupervisionOfficeOpensACaseAndIssuesARectificationNoticeInTasklist() {
    // given: a running campaign
    CampaignDriver driver = new CampaignDriver(engine);
    String code = driver.launch("督查问责浏览器演练", List.of());

    // when: the supervision office opens a case from a complaint in the start dialog
    browser.logIn(port, "supervisor", "supervisor");
    browser.openStartForm(port, SupervisionModel.PROCESS);
    browser.pick("campaignCode", code);
    browser.pick("department", "县教育局");
    browser.click(option("findingSource", 1));
    browser.type("finding", "群众投诉学籍证明开具须往返三次，经核实属实。");
    browser.click(option("seriousness", 0));
    browser.capture("case-opened");
    browser.click(START_BUTTON);
    Task decision = browser.await("the decision task", d -> driver.tasks.createTaskQuery()
        .processDefinitionKey(SupervisionModel.PROCESS).processVariableValueEquals(SupervisionModel.CAMPAIGN_CODE, code)
        .taskDefinitionKey(SupervisionModel.DECIDE_MEASURE).list().stream().findFirst().orElse(null));

    // then: the decision form lays out the case and the proposal, in Chinese
    browser.driver().navigate().refresh();
    browser.await("the task in the list", d -> browser.visible(listEntry(decision.getId())));
    browser.click(listEntry(decision.getId()));
    browser.await("the decision form", d -> browser.textOf(FORM).contains("县教育局"));
    String text = browser.textOf(FORM).replaceAll("\\s+", "");
    assertThat(text).contains("决定处理措施：县教育局", "问题来源：投诉举报", "学籍证明", "系统建议：限期整改通知",
        "批评教育", "通报批评（发至各参加单位）", "诫勉谈话", "决定理由");

    // when: the office's clerk claims it, chooses 限期整改通知 with 5 working days and completes
    browser.click(CLAIM_BUTTON);
    browser.await("the task claimed", d -> browser.visible(UNCLAIM_BUTTON));
    browser.click(option("measure", 1));
    browser.type("rectificationDays", "5");
    browser.type("measureReason", "按建议限期整改，五个工作日内书面反馈。");
    browser.capture("decided");
    browser.await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.click(COMPLETE_BUTTON);

    // then: the measure is issued as a numbered notice and the department has its feedback task
    browser.await("the task gone from the list",
        ExpectedConditions.invisibilityOfElementLocated(listEntry(decision.getId())));
    driver.runJobs();
    var issued = measures.of(code, "dept-education");
    assertThat(issued).hasSize(1);
    assertThat(issued.get(0).measure()).isEqualTo("rectificationNotice");
    assertThat(issued.get(0).decidingBodyName()).isEqualTo("县委督查室");
    assertThat(issued.get(0).decidedBy()).isEqualTo("supervisor");
    assertThat(issued.get(0).noticeNumber()).startsWith(code + "〔");
    assertThat(driver.tasks.createTaskQuery().processInstanceId(decision.getProcessInstanceId())
        .taskDefinitionKey(SupervisionModel.SUBMIT_FEEDBACK).taskCandidateGroup("dept-education").count()).isEqualTo(1);
  }
}
