package cn.gov.county.campaign.tasklist;

import static cn.gov.county.campaign.TasklistBrowser.listEntry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.escalation.DeadlineWatch;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Task cards, filters and deadlines in the real Tasklist (Chinese Chromium): the office picks a
 * campaign's filter (with its count) and sees which unit each card belongs to; the finance
 * bureau's liaison sees his overdue, urged work plan red, and above its form how many working days
 * it is late and the 催办通知 he received, with its number and a link to it; the unit head's first
 * screen lists the commitment assigned to him. Screenshots: {@code target/screenshots/cards-*}.
 */
@CampaignIntegrationTest
class TaskCardsBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("cards-");

  private static final By FILTERS = By.cssSelector(".task-filter");
  private static final By BANNER = By.cssSelector(".campaign-urgency-banner");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  Notices notices;

  @Autowired
  FilterService filters;

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
  void officeSeesUnitAndCampaignOnEveryCard_andTheCampaignsFilterWithItsCount() {
    // given
    UrgedCampaign urged = UrgedCampaign.prepare(campaign, watch, notices);
    String filterName = "整改活动：" + UrgedCampaign.NAME + "（" + urged.code() + "）";
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    assertThat(filter).as("the campaign's filter").isNotNull();
    long expected = TasklistSession.login(port, "office")
        .get(TasklistSession.ENGINE_API + "/filter/" + filter.getId() + "/count").json().path("count").asLong();
    assertThat(expected).isGreaterThanOrEqualTo(2);

    // when: the office logs in
    WebDriver driver = browser.driver();
    browser.logIn(port, "office", "office");

    // then: every filter listed shows its count
    browser.await("a count on every filter", d -> d.findElements(FILTERS).stream()
        .allMatch(f -> !f.findElements(By.cssSelector(".campaign-filter-count")).isEmpty()));
    // the office's filter of the finance bureau, with the count Tasklist's API gives
    TasklistSession office = TasklistSession.login(port, "office");
    var unitFilters = office.get(TasklistSession.ENGINE_API + "/filter?resourceType=Task").json();
    String unitFilterId = java.util.stream.StreamSupport.stream(unitFilters.spliterator(), false)
        .filter(f -> f.path("name").asText().equals("单位：县财政局")).map(f -> f.path("id").asText()).findFirst()
        .orElse(null);
    assertThat(unitFilterId).as("the office's filter of the finance bureau").isNotNull();
    int unitCount = office.get(TasklistSession.ENGINE_API + "/filter/" + unitFilterId + "/count").json().path("count")
        .asInt();
    assertThat(unitCount).isPositive();
    browser.await("单位：县财政局 listed with its count",
        d -> countOf(filterItem("单位：县财政局")).equals(String.valueOf(unitCount)));

    // when: it opens the campaign's filter from the list
    browser.await("the campaign's filter listed with its count",
        d -> countOf(filterItem(filterName)).equals(String.valueOf(expected)));
    filterItem(filterName).findElement(By.cssSelector("h4.name a")).click();

    // then: each department's work plan card names its unit and the campaign
    browser.await("the finance plan's card", d -> browser.visible(listEntry(urged.financePlan().getId())));
    browser.await("unit and campaign on the finance card", d -> card(urged.financePlan().getId()).getText()
        .contains("县财政局 · " + UrgedCampaign.NAME + "（" + urged.code() + "）"));
    browser.await("unit and campaign on the market card", d -> card(urged.marketPlan().getId()).getText()
        .contains("县市场监督管理局 · " + UrgedCampaign.NAME + "（" + urged.code() + "）"));
    // both plans are overdue: red, and the badge is shown whole, not folded away under the card
    browser.await("the finance card marked overdue", d -> card(urged.financePlan().getId()).getDomAttribute("class")
        .contains("campaign-card-overdue"));
    // (the list re-renders when the counts refresh: each check finds the card again; a stale card is retried)
    browser.await("the badge shown whole inside the finance card, no fold", d -> {
      WebElement financeCard = card(urged.financePlan().getId());
      WebElement badge = financeCard.findElement(By.cssSelector(".cc-urgency"));
      return badge.getText().equals("已逾期2个工作日 · 已收到催办通知")
          && badge.getRect().getY() + badge.getRect().getHeight() <= financeCard.getRect().getY()
              + financeCard.getRect().getHeight()
          && financeCard.findElements(By.cssSelector(".task-card-details .shutter")).stream()
              .noneMatch(WebElement::isDisplayed);
    });
    browser.capture("office-campaign-filter");
    assertThat(driver.findElements(By.cssSelector(".tasks-list li.task"))).hasSize((int) expected);
  }

  @Test
  void liaisonSeesHisOverdueUrgedTaskRed_andTheNoticeAboveItsForm() {
    // given
    UrgedCampaign urged = UrgedCampaign.prepare(campaign, watch, notices);
    String taskId = urged.financePlan().getId();

    // when: the finance bureau's liaison logs in and picks the campaign's filter
    WebDriver driver = browser.driver();
    browser.logIn(port, "finance-liaison", "finance-liaison");
    String filterName = "整改活动：" + UrgedCampaign.NAME + "（" + urged.code() + "）";
    String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    String expected = TasklistSession.login(port, "finance-liaison").get(TasklistSession.ENGINE_API + "/filter/"
        + filterId + "/count").json().path("count").asText();
    assertThat(Long.parseLong(expected)).isPositive();
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filterId);

    // then: his work plan's card is red and says how late it is and what he received
    browser.await("the work plan's card", d -> browser.visible(listEntry(taskId)));
    browser.await("the card marked overdue",
        d -> card(taskId).getDomAttribute("class").contains("campaign-card-overdue"));
    assertThat(card(taskId).getText()).contains("县财政局 · " + UrgedCampaign.NAME, "已逾期2个工作日", "已收到催办通知");
    assertThat(card(taskId).getCssValue("border-left-color")).isEqualTo("rgba(201, 48, 44, 1)");
    browser.capture("liaison-red-card");

    // when: he opens it
    browser.click(listEntry(taskId));

    // then: above the form, the banner with the working days, the notice's title and number, and a link to it
    browser.await("the urgency banner", d -> browser.textOf(BANNER).contains(urged.reminder().number()));
    String banner = browser.textOf(BANNER);
    assertThat(banner).contains("已逾期2个工作日", "办理时限2026年8月20日23:59",
        "已收到《" + urged.reminder().title() + "》（" + urged.reminder().number() + "，查看）");
    WebElement link = driver.findElement(By.cssSelector(".campaign-urgency-banner a.cu-notice"));
    assertThat(link.getText()).isEqualTo("查看");
    assertThat(link.getDomAttribute("href")).isEqualTo(urged.reminder().url());
    assertThat(driver.findElement(BANNER).getDomAttribute("class")).contains("overdue");
    browser.capture("liaison-banner");

    // and the link opens the numbered notice for him
    driver.get("http://localhost:" + port + urged.reminder().url());
    browser.await("the notice", d -> browser.textOf(By.tagName("body")).contains(urged.reminder().number()));
  }

  @Test
  void headsFirstScreenListsTheTaskAssignedToHim() {
    // given: the finance bureau has done its checklist; the unit's commitment waits for its head
    String code = AugustCampaign.launch(campaign, List.of("dept-finance"));
    String liaison = "finance-liaison";
    campaign.complete(campaign.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"), liaison,
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"));
    campaign.complete(campaign.open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, "dept-finance"), liaison,
        Map.of("discussionParticipants", 36, "discussionOutcome", "围绕什么是在状态、怎样进状态开展讨论，形成共识。"));
    Task selfInspect = campaign.open(code, CampaignModel.SelfInspection.SELF_INSPECT, "dept-finance");
    ArrayNode rows = (ArrayNode) JsonVariables.toJson(campaign.tasks.getVariableTyped(selfInspect.getId(),
        "selfInspection", false));
    campaign.complete(selfInspect, liaison, Map.of("selfInspection", JsonVariables.of(rows),
        "servedOpinions", "走访服务对象 20 家，收集意见 5 条。"));
    Task commitment = campaign.open(code, CampaignModel.SelfInspection.SIGN_UNIT_COMMITMENT, "dept-finance");
    assertThat(commitment.getAssignee()).isEqualTo("finance-head");

    // when: the head logs in, clicking nothing
    WebDriver driver = browser.driver();
    browser.logIn(port, "finance-head", "finance-head");

    // then: the first filter, selected, is 本部门待办 with its count, and lists his commitment
    browser.await("the commitment on the first screen", d -> browser.visible(listEntry(commitment.getId())));
    WebElement first = driver.findElements(FILTERS).get(0);
    assertThat(first.findElement(By.cssSelector("h4.name a")).getText()).startsWith("本部门待办");
    assertThat(first.getDomAttribute("class")).contains("active");
    browser.await("a count on 本部门待办", d -> countOf(d.findElements(FILTERS).get(0)).matches("[1-9][0-9]*"));
    assertThat(card(commitment.getId()).getText()).contains("签订单位承诺书", "县财政局 · " + UrgedCampaign.NAME);
    browser.capture("head-first-screen");
  }

  /** A filter by its name (read from the page text, not from what is on screen: a long list scrolls). */
  private WebElement filterItem(String name) {
    return browser.driver().findElements(FILTERS).stream()
        .filter(f -> f.findElement(By.cssSelector("h4.name a")).getDomProperty("textContent").strip().startsWith(name))
        .findFirst().orElse(null);
  }

  private static String countOf(WebElement filter) {
    if (filter == null) {
      return "";
    }
    List<WebElement> badge = filter.findElements(By.cssSelector(".campaign-filter-count"));
    return badge.isEmpty() ? "" : badge.get(0).getDomProperty("textContent").strip();
  }

  private WebElement card(String taskId) {
    return browser.driver().findElement(By.xpath("//a[contains(@href, 'task=" + taskId + "')]/ancestor::li[1]"));
  }
}
