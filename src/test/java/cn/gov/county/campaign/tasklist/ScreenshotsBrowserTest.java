package cn.gov.county.campaign.tasklist;

import static cn.gov.county.campaign.TasklistBrowser.field;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test: the screenshot command for the user manual. It logs in with Chromium as the office,
 * a liaison, a unit head and an auditor and saves their main screens (1366×900, the liaison's
 * phone at 390×844) to {@code docs/images/Screen*.png}, overwriting them. Run it on purpose:
 *
 * <pre>/tmp/heavy mvn -B -o -q test -Dtest=ScreenshotsBrowserTest -Dscreenshots=true</pre>
 */
@CampaignIntegrationTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class ScreenshotsBrowserTest {

  private static final Path IMAGES = Path.of("src", "docs", "images");

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("screens-");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  @Test
  void mainScreens() throws IOException {
    WebDriver driver = browser.driver();
    Task task = CampaignRest.requestInformation(runtimeService, taskService, "dept-finance",
        "一季度预算执行情况自查 " + UUID.randomUUID().toString().substring(0, 4));
    String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    driver.manage().window().setSize(new Dimension(1366, 900));

    // the office: its filters and the task cards
    browser.logIn(port, "office", "office");
    browser.await("the filters", d -> !d.findElements(By.cssSelector(".task-filters .item")).isEmpty());
    pause();
    save("ScreenOfficeTasklist");

    // the liaison: the task open with its form
    logOut();
    browser.logIn(port, "finance-liaison", "finance-liaison");
    driver.get(tasklist + "#/?task=" + task.getId());
    browser.visible(field("report"));
    pause();
    save("ScreenLiaisonTask");

    // the liaison on a phone
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    browser.visible(field("report"));
    pause();
    save("ScreenLiaisonPhone");
    driver.manage().window().setSize(new Dimension(1366, 900));

    // the unit head
    logOut();
    browser.logIn(port, "finance-head", "finance-head");
    browser.await("the filters", d -> !d.findElements(By.cssSelector(".task-filters .item")).isEmpty());
    pause();
    save("ScreenHeadTasklist");

    // the auditor: the review workspace in Cockpit
    logOut();
    browser.logIn(port, "auditor", "auditor");
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/campaign-review");
    browser.await("the review workspace", d -> !d.findElements(By.cssSelector(".cr")).isEmpty());
    pause();
    save("ScreenAuditorReview");
  }

  private void logOut() {
    browser.driver().manage().deleteAllCookies();
  }

  /** Lets counts and translations settle; only for pictures, nothing is asserted. */
  private static void pause() {
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void save(String name) throws IOException {
    byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(IMAGES);
    Files.write(IMAGES.resolve(name + ".png"), png);
  }
}
