package cn.gov.county.campaign.urging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the browser (Chromium, zh-CN): the office, after its launch, finds the campaign code and the
 * ledger link on its first task, reads each unit's step, who must act and the days left in the
 * ledger and urges a unit with one click; the department's liaison reads the urging on its task
 * (tab 催办记录) and looks back at its completed tasks (已办) and its unit's record. Screenshots:
 * {@code target/screenshots/steering-*}.
 */
@CampaignIntegrationTest
class SteeringBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("steering-");

  private static final By URGINGS_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='催办记录']");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void theOfficeFindsTheLedgerFromItsFirstTask_andUrgesAUnitWithOneClick() {
    // given: the office has launched a campaign for two units
    CampaignDriver driver = new CampaignDriver(engine);
    List<String> others = AugustCampaign.ALL.stream().filter(d -> !List.of("dept-finance", "dept-market").contains(d))
        .toList();
    String code = driver.launch("台账催办浏览器演练", others);
    Task mobilization = driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0);

    // when: the office opens its first task
    WebDriver web = browser.driver();
    browser.logIn(port, "office", "office");
    web.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + mobilization.getId());
    browser.await("the mobilization form", d -> browser.visible(TasklistBrowser.field("opinionsTitle")) != null);

    // then: it shows the campaign code and links to the campaign's ledger
    assertThat(browser.textOf(TasklistBrowser.FORM)).contains("活动编号： " + code);
    By ledgerLink = By.xpath("//div[contains(@class,'fjs-form')]//a[contains(@href,'#/campaign-review/" + code + "')]");
    assertThat(browser.visible(ledgerLink)).isNotNull();
    browser.capture("first-task");

    // when: the office claims the task (Tasklist's form takes no click before) and follows the link
    browser.click(TasklistBrowser.CLAIM_BUTTON);
    browser.await("the task claimed", d -> browser.visible(TasklistBrowser.UNCLAIM_BUTTON) != null);
    browser.click(ledgerLink);
    browser.await("the campaign's ledger in Cockpit", d -> browser.visible(By.cssSelector("table.cr-ledger")) != null);

    // and: once the mobilization is recorded (the units get their work plans) the office reloads the ledger
    driver.complete(mobilization, "office", Map.of("opinionsIssuedOn", CampaignDriver.launchForm("", List.of())
        .get("mobilizationStart"), "opinionsTitle", "关于开展机关作风建设活动的实施意见", "mobilizationMeetingOn",
        CampaignDriver.launchForm("", List.of()).get("mobilizationStart"), "mobilizationMeetingNotes", "全县动员大会。"));
    web.navigate().refresh();

    // then: the ledger shows each unit's step, who must act and the working days left
    By financeRow = By.xpath("//table[contains(@class,'cr-ledger')]//tr[.//a[@data-department='dept-finance']]");
    browser.await("the ledger", d -> browser.visible(financeRow) != null);
    String row = browser.textOf(financeRow);
    assertThat(row).contains("制定工作方案").contains("联络员 " + CampaignDriver.liaisonNameOf("dept-finance"))
        .containsPattern("剩余\\d+个工作日");
    browser.capture("ledger");

    // when: the office clicks 催办 on the finance bureau's row
    browser.click(By.cssSelector("button.cr-urge[data-department='dept-finance']"));

    // then: confirmed in Chinese at the row; the department's task has it
    browser.await("the confirmation", d -> browser.textOf(financeRow).contains("已催办县财政局"));
    browser.capture("urged");
    Task plan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    assertThat(new CampaignRest(port).get("finance-liaison", "/campaign/api/tasks/" + plan.getId() + "/urgings").json()
        .path("count").asInt()).isEqualTo(1);
  }

  @Test
  void theLiaisonSeesTheUrgingOnItsTask_andLooksBackAtItsUnitsCompletedTasks() {
    // given: the finance bureau's work plan, urged by the office
    CampaignDriver driver = new CampaignDriver(engine);
    List<String> others = AugustCampaign.ALL.stream().filter(d -> !d.equals("dept-finance")).toList();
    String code = driver.launch("已办浏览器演练", others);
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office",
        Map.of("opinionsIssuedOn",
            CampaignDriver.launchForm("", List.of()).get("mobilizationStart"), "opinionsTitle", "关于开展机关作风建设活动的实施意见",
            "mobilizationMeetingOn", CampaignDriver.launchForm("", List.of()).get("mobilizationStart"),
            "mobilizationMeetingNotes", "全县动员大会。"));
    Task plan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    CampaignRest rest = new CampaignRest(port);
    assertThat(
        rest.post("office", "/campaign/api/campaigns/" + code + "/departments/dept-finance/urgings", "{}").status())
        .isEqualTo(201);

    // when: the liaison opens the task and its tab 催办记录
    WebDriver web = browser.driver();
    browser.logIn(port, "finance-liaison", "finance-liaison");
    web.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + plan.getId());
    browser.await("the work plan form", d -> browser.visible(TasklistBrowser.field("workPlan")) != null);
    browser.click(URGINGS_TAB);

    // then: the office's urging, by name and time
    browser.await("the urging", d -> browser.visible(By.cssSelector(".campaign-urgings .ur-latest")) != null);
    assertThat(browser.textOf(By.cssSelector(".campaign-urgings .ur-latest"))).startsWith("领导小组办公室（")
        .endsWith("催办「制定工作方案」，请抓紧办理。");
    browser.capture("urging-tab");

    // when: the work plan is done and the liaison clicks 已办 in Tasklist's header
    driver.complete(plan, "finance-liaison", Map.of("workPlan", "成立工作专班，分三个步骤开展自查自纠和整改。",
        "workPlanLeader", "分管副局长"));
    browser.await("the header link 已办", d -> browser.visible(By.cssSelector("a.campaign-done-tasks")) != null);
    assertThat(browser.textOf(By.cssSelector("a.campaign-done-tasks"))).isEqualTo("已办");
    browser.click(By.cssSelector("a.campaign-done-tasks"));

    // then: the unit's completed task with its campaign and date, by the liaison's name
    By doneRow = By
        .xpath("//table[contains(@class,'done-tasks')]//tr[td[1]='制定工作方案' and contains(td[2],'" + code + "')]");
    browser.await("the completed work plan", d -> browser.visible(doneRow) != null);
    assertThat(browser.textOf(By.tagName("h2"))).isEqualTo("县财政局已办结的任务");
    assertThat(browser.textOf(doneRow)).contains("已办浏览器演练").contains(CampaignDriver.liaisonNameOf("dept-finance"))
        .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(browser.textOf(By.tagName("body"))).doesNotContain("县市场监督管理局");
    browser.capture("done");

    // and: its link opens the unit's own record in that campaign
    web.findElement(doneRow).findElement(By.cssSelector("a.record-link")).click();
    browser.await("the unit's record", d -> browser.visible(By.tagName("h1")) != null
        && browser.textOf(By.tagName("h1")).equals("县财政局活动档案"));
    assertThat(browser.textOf(By.tagName("body"))).contains(code);
    browser.capture("record");
  }
}
