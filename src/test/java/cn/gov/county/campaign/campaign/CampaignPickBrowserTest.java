package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.TasklistBrowser.DROPDOWN_ITEM;
import static cn.gov.county.campaign.TasklistBrowser.START_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office assigns a problem from Tasklist's 启动流程 dialog in Chinese Chromium and picks the
 * campaign from a list of the running campaigns instead of typing its code. Screenshots:
 * {@code target/screenshots/pick-*}.
 */
@CampaignIntegrationTest
class CampaignPickBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("pick-");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  @Test
  void theOfficePicksTheCampaignFromTheList_whenItAssignsAProblemInTasklist() {
    // given: a running campaign in which the finance bureau takes part
    String code = new CampaignDriver(engine).launch("选择活动浏览器演练", List.of());

    // when: the office opens 问题交办 in Tasklist's start dialog and opens the campaign list
    browser.logIn(port, "office", "office");
    browser.openStartForm(port, CampaignModel.PROBLEM_ASSIGNMENT_PROCESS);
    browser.click(field("campaignCode"));
    browser.await("the campaign in the list", d -> d.findElements(DROPDOWN_ITEM).stream()
        .anyMatch(item -> item.getText().contains(code)));
    browser.capture("campaign-list");
    WebElement item = browser.driver().findElements(DROPDOWN_ITEM).stream()
        .filter(i -> i.getText().contains(code)).findFirst().orElseThrow();
    // then: it is offered by name and code
    assertThat(item.getText()).isEqualTo("选择活动浏览器演练（" + code + "）");

    // when: the office picks it, fills in the rest and starts
    item.click();
    browser.await("the campaign picked", d -> d.findElement(field("campaignCode")).getDomProperty("value")
        .contains(code));
    browser.pick("problemDepartment", "县财政局");
    browser.click(option("problemSource", 0));
    browser.type("problemDescription", "明查暗访发现窗口人员上班时间玩手机");
    browser.capture("filled");
    browser.click(START_BUTTON);

    // then: the problem is assigned in that campaign
    HistoricProcessInstance assignment = browser.await("the problem assigned", d -> historyService
        .createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.PROBLEM_ASSIGNMENT_PROCESS)
        .variableValueEquals(CampaignModel.CAMPAIGN_CODE, code).list().stream().findFirst().orElse(null));
    assertThat(assignment.getStartUserId()).isEqualTo("office");
    // ... and the page says in Chinese which process was started (scripts/form-assist.js)
    browser.await("the start confirmed",
        d -> browser.textOf(By.cssSelector(".campaign-form-banner")).contains("已发起：问题交办"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(assignment.getId())
        .variableName("problemDepartment").singleResult().getValue()).isEqualTo("dept-finance");
  }
}
