package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.TasklistBrowser.CLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.DROPDOWN_ITEM;
import static cn.gov.county.campaign.TasklistBrowser.FORM;
import static cn.gov.county.campaign.TasklistBrowser.UNCLAIM_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.escalation.AugustCampaign;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new forms in Tasklist, in Chinese Chromium: the unit head returns the self-inspection report
 * with his reason (the reason field appears only when he returns it), and the liaison picks a
 * problem's responsible person from the unit's people. Screenshots: {@code target/screenshots/head-*}.
 */
@CampaignIntegrationTest
class UnitHeadBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("head-");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theHeadReturnsTheReportWithHisReason_andTheLiaisonPicksTheResponsiblePersonFromTheUnit() {
    // given: the finance bureau's liaison has submitted its self-inspection report
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 5), 10, 0));
    driver.doSelfInspection(code, "dept-finance", "窗口服务态度生硬，群众办事等候时间长");
    driver.complete(driver.open(code, CampaignModel.SelfInspection.SUBMIT_REPORT, "dept-finance"), "finance-liaison",
        Map.of("selfInspectionReport", "本单位对照活动清单逐项开展自查，发现窗口服务态度生硬的问题，现将自查情况报告如下。"));
    Task approval = driver.open(code, CampaignModel.SelfInspection.HEAD_APPROVES_REPORT, "dept-finance");

    // when: the head opens his task in Tasklist
    browser.logIn(port, "finance-head", "finance-head");
    open(approval);

    // then: it is his, ready to fill, and shows what the liaison submitted
    browser.await("the head's form", d -> browser.textOf(FORM).contains("现将自查情况报告如下"));
    assertThat(browser.textOf(FORM)).contains("单位主要负责人审核", "县财政局", "自查报告");
    assertThat(browser.driver().findElements(CLAIM_BUTTON)).as("assigned to him, nothing to claim").isEmpty();
    assertThat(browser.driver().findElements(field("headOpinion"))).as("no reason field before he returns it")
        .isEmpty();

    // when: he returns it with his reason
    browser.click(option("headDecision", 1));
    browser.type("headOpinion", "请补充征求服务对象意见的具体情况。");
    browser.capture("returned");
    browser.await("Complete enabled", ExpectedConditions.elementToBeClickable(COMPLETE_BUTTON));
    browser.click(COMPLETE_BUTTON);

    // then: the liaison's task is back with his reason, and the office has nothing yet
    Task again = browser.await("the report task back",
        d -> driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
            .taskDefinitionKey(CampaignModel.SelfInspection.SUBMIT_REPORT).list().stream().findFirst().orElse(null));
    assertThat(driver.tasks.getVariable(again.getId(), "headOpinion")).isEqualTo("请补充征求服务对象意见的具体情况。");
    assertThat(driver.open(code, CampaignModel.SelfInspection.REVIEW_REPORT)).isEmpty();

    // when: after approval and the office's review the liaison defines the problem's measure
    driver.submitReport(code, "dept-finance");
    driver.reviewReport(code, "dept-finance", "accepted");
    Task measure = driver.open(code, CampaignModel.RectificationItem.DEFINE_MEASURE, "dept-finance");
    browser.driver().manage().deleteAllCookies(); // the head logs out
    browser.logIn(port, "finance-liaison", "finance-liaison");
    open(measure);
    browser.await("the measure form", d -> browser.textOf(FORM).contains("制定整改措施"));
    browser.await("the task claimed on opening", d -> browser.visible(UNCLAIM_BUTTON));
    // the list opens below the field: bring the field to the top so that the list is not under the page's footer
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
        browser.driver().findElement(field("responsible")));
    browser.click(field("responsible"));

    // then: the responsible person is chosen from the finance bureau's people only
    browser.await("the unit's people in the list", d -> d.findElements(DROPDOWN_ITEM).size() >= 3);
    List<String> people = browser.driver().findElements(DROPDOWN_ITEM).stream().map(WebElement::getText).toList();
    browser.capture("responsible-list");
    assertThat(people).anyMatch(p -> p.startsWith("王敏")).anyMatch(p -> p.startsWith("郑国平"))
        .anyMatch(p -> p.startsWith("钱志远")).noneMatch(p -> p.startsWith("何静"));
    // (picked as a clerk does in the searchable list: type part of the name, Enter)
    WebElement input = browser.driver().findElement(field("responsible"));
    input.sendKeys("钱志远");
    browser.await("only the deputy left in the list", d -> d.findElements(DROPDOWN_ITEM).size() == 1);
    input.sendKeys(Keys.ENTER);
    browser.await("the person picked",
        d -> d.findElement(field("responsible")).getDomProperty("value").contains("钱志远"));
    assertThat(browser.textOf(FORM)).contains("整改目标和标准");
  }

  private void open(Task task) {
    browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }
}
