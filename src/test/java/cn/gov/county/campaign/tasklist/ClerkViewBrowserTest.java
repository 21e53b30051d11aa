package cn.gov.county.campaign.tasklist;

import static cn.gov.county.campaign.TasklistBrowser.COMPLETE_BUTTON;
import static cn.gov.county.campaign.TasklistBrowser.field;
import static cn.gov.county.campaign.TasklistBrowser.option;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistBrowser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clerks see clerks' things (issue 17), in headless Chromium set to Chinese: the forms' date
 * picker in Chinese with the holidays of the application's calendar; Cockpit's raw actions
 * (cancel, suspend, variable editing) not offered to an auditor, offered to the administrator;
 * a liaison's task on a 390×844 phone, full width with 完成 on screen and finger-sized controls.
 */
@CampaignIntegrationTest
class ClerkViewBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("clerk-");

  private static final By CALENDAR = By.cssSelector(".flatpickr-calendar.open");
  /** The launch form's 动员部署 start (form-js adds -date to a datetime field's id). */
  private static final By MOBILIZATION_START = By.cssSelector("[id$='-Field_mobilizationStart-date']");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
  }

  private String text(WebElement element) {
    return element.getDomProperty("textContent").trim();
  }

  @Test
  void theDatePickerSpeaksChineseStartsOnMondayAndMarksTheHolidays() {
    // given: the office opens the launch form of a campaign (its 动员部署 start is a date)
    browser.logIn(port, "office", "office");
    browser.openStartForm(port, CampaignModel.CAMPAIGN_PROCESS);
    WebDriver driver = browser.driver();
    browser.visible(MOBILIZATION_START);

    // when: the clerk opens the calendar and picks October in its month list
    browser.click(MOBILIZATION_START);
    browser.await("the calendar in Chinese", d -> !d.findElements(CALENDAR).isEmpty()
        && d.findElement(CALENDAR).getAttribute("class").contains("campaign-zh-calendar"));
    new Select(driver.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-monthDropdown-months")))
        .selectByVisibleText("十月");
    browser.capture("date-picker");

    // then: Chinese weekdays from Monday, Chinese months, the holidays and the make-up working day marked
    List<String> weekdays = driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"))
        .stream().map(this::text).toList();
    assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
    assertThat(driver.findElement(By.cssSelector(".flatpickr-calendar.open .cur-year")).getDomProperty("value"))
        .isEqualTo("2026");
    WebElement nationalDay = dayOf("2026-10-01");
    assertThat(nationalDay.getAttribute("class")).contains("campaign-holiday");
    assertThat(nationalDay.getAttribute("title")).contains("国庆节");
    assertThat(nationalDay.getAttribute("data-mark")).isEqualTo("休");
    assertThat(nationalDay.getDomProperty("offsetLeft")).as("1 October 2026, a Thursday, in the fourth column")
        .isEqualTo(dayOf("2026-10-08").getDomProperty("offsetLeft"));
    WebElement makeUp = dayOf("2026-10-10");
    assertThat(makeUp.getAttribute("class")).contains("campaign-workday");
    assertThat(makeUp.getAttribute("title")).contains("调休上班");
    assertThat(dayOf("2026-10-09").getAttribute("class")).doesNotContain("campaign-holiday", "campaign-workday");
    WebElement monday = dayOf("2026-10-12");
    assertThat(monday.getDomProperty("offsetLeft")).as("a Monday in the first column")
        .isEqualTo(
            driver.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-day")).getDomProperty("offsetLeft"));

    // when: the clerk picks 9 October
    dayOf("2026-10-09").click();
    // then: the date reads year-month-day
    browser.await("the date as yyyy-mm-dd",
        d -> "2026-10-09".equals(d.findElement(MOBILIZATION_START).getDomProperty("value")));
    assertThat(driver.findElement(MOBILIZATION_START).getAttribute("placeholder")).startsWith("年-月-日");
  }

  /** The day of the open calendar whose date is the ISO day (flatpickr keeps it as dateObj). */
  private WebElement dayOf(String isoDay) {
    return browser.await("day " + isoDay + " in the calendar", d -> (WebElement) script(
        "return [...document.querySelectorAll('.flatpickr-calendar.open .flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)')]"
            + ".find(e => { const t = e.dateObj; const p = n => String(n).padStart(2, '0');"
            + " return t && (t.getFullYear() + '-' + p(t.getMonth() + 1) + '-' + p(t.getDate())) === arguments[0]; }) || null;",
        isoDay));
  }

  @Test
  void theAuditorIsNotOfferedCockpitsRawActionsTheAdministratorIs() {
    // given: a running information request
    Task task = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance",
        "驾驶舱测试 " + UUID.randomUUID().toString().substring(0, 8));
    String view = "http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
        + task.getProcessInstanceId() + "/runtime?tab=variables-tab";

    // when: the auditor opens the instance in Cockpit
    browser.logIn(port, "auditor", "auditor");
    WebDriver driver = browser.driver();
    driver.get(view);
    awaitInstanceView();
    browser.capture("cockpit-auditor");

    // then: no cancel, suspend, add-variable, edit or delete
    assertThat(rawActions()).as("raw actions the auditor sees").isEmpty();

    // when: the administrator opens the same view
    driver.manage().deleteAllCookies();
    browser.logIn(port, "admin", "admin");
    driver.get(view);
    awaitInstanceView();
    browser.capture("cockpit-admin");

    // then: the same actions are there (the check above can fail)
    browser.await("the administrator's toolbar", d -> rawActions().size() >= 3);
  }

  private void awaitInstanceView() {
    browser.await("the instance view with its variables and the user's rights known",
        d -> !d.findElements(By.cssSelector("body.campaign-rights-known")).isEmpty()
            && !d.findElements(By.cssSelector("[cam-widget-variables-table] tbody tr")).isEmpty()
            && !d.findElements(By.cssSelector(".ctn-toolbar [ng-click]")).isEmpty());
  }

  /** Displayed buttons of the toolbar and the variables table. */
  @SuppressWarnings("unchecked")
  private List<String> rawActions() {
    return (List<String>) script("return [...document.querySelectorAll('.ctn-toolbar [ng-click], "
        + "[cam-widget-variables-table] [ng-click^=\"enableEditMode\"], [cam-widget-variables-table] [ng-click^=\"deleteVariable\"]')]"
        + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0).map(e => e.getAttribute('ng-click'));");
  }

  @Test
  void aLiaisonWorksOnAPhone() {
    // given: a request to the finance bureau, its liaison on a 390×844 phone
    String subject = "手机办理 " + UUID.randomUUID().toString().substring(0, 8);
    Task task = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance", subject);
    WebDriver driver = browser.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    browser.logIn(port, "finance-liaison", "finance-liaison");
    long viewport = (Long) script("return window.innerWidth;");
    assertThat(viewport).as("viewport width").isBetween(360L, 400L);

    // then: the task list comes first, without "meant for larger screens"
    browser.await("the task list", d -> !d.findElements(By.cssSelector(".tasks-list li.task")).isEmpty());
    assertThat(driver.findElements(By.cssSelector(".small-screen-warning")).stream().filter(WebElement::isDisplayed))
        .isEmpty();
    browser.capture("phone-list");

    // when: the liaison taps the task in his list
    browser.await("the task in his list", d -> browser.visible(TasklistBrowser.listEntry(task.getId())));
    browser.click(TasklistBrowser.listEntry(task.getId()));
    browser.visible(field("report"));
    // (a department's task is claimed on opening: scripts/form-assist.js)
    browser.await("the task claimed on opening", d -> browser.visible(TasklistBrowser.UNCLAIM_BUTTON) != null);
    browser.visible(option("measures", 0));
    browser.capture("phone-form");

    // then: the form fills the screen, the list is gone, 完成 is on screen without scrolling
    Map<String, Object> form = rect(driver.findElement(By.cssSelector(".task-details .fjs-form")));
    assertThat(((Number) form.get("width")).doubleValue()).as("form width").isGreaterThan(viewport * 0.85);
    assertThat(driver.findElement(By.cssSelector(".tasks-list")).isDisplayed()).as("task list beside the form")
        .isFalse();
    WebElement complete = driver.findElement(COMPLETE_BUTTON);
    Map<String, Object> button = rect(complete);
    long height = (Long) script("return window.innerHeight;");
    assertThat(text(complete)).isEqualTo("完成");
    assertThat(((Number) button.get("top")).doubleValue()).as("完成 top").isGreaterThanOrEqualTo(0);
    assertThat(((Number) button.get("bottom")).doubleValue()).as("完成 bottom").isLessThanOrEqualTo(height);
    assertThat(((Number) button.get("height")).doubleValue()).as("完成 height").isGreaterThanOrEqualTo(40);
    Object onTop = script("const r = arguments[0].getBoundingClientRect();"
        + " return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === arguments[0];", complete);
    assertThat(onTop).as("完成 not covered").isEqualTo(true);
    assertThat(driver.findElement(By.cssSelector(".campaign-back-to-list")).isDisplayed()).isTrue();

    // and: finger-sized controls
    WebElement checkbox = driver.findElement(option("measures", 0));
    assertThat(((Number) rect(checkbox).get("height")).doubleValue()).as("check box").isGreaterThanOrEqualTo(24);
    WebElement label = (WebElement) script("return arguments[0].closest('label') || arguments[0].parentElement;",
        checkbox);
    assertThat(((Number) rect(label).get("height")).doubleValue()).as("check box row").isGreaterThanOrEqualTo(40);
    assertThat(((Number) rect(driver.findElement(field("contactPerson"))).get("height")).doubleValue())
        .as("text field").isGreaterThanOrEqualTo(40);

    // when: back to the list
    browser.click(By.cssSelector(".campaign-back-to-list"));
    // then
    browser.await("the list again", d -> d.findElement(By.cssSelector(".tasks-list")).isDisplayed());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rect(WebElement element) {
    return (Map<String, Object>) script("const r = arguments[0].getBoundingClientRect();"
        + " return {top: r.top, bottom: r.bottom, width: r.width, height: r.height};", element);
  }
}
