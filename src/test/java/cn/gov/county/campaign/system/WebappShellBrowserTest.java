package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' shell in Chinese Chromium: Tasklist renders (its scripts run under the page's own
 * nonce), a liaison sees no developer functions and gets a Chinese 403 page in Cockpit, the
 * auditor finds 整改活动审查 in Tasklist's header.
 */
@CampaignIntegrationTest
class WebappShellBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("shell-");

  private static final By CREATE_TASK = By.cssSelector("li.create-task-action");
  private static final By REVIEW_LINK = By.cssSelector("a.campaign-review-link");
  private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter, .task-filters .task-filter");

  @LocalServerPort
  int port;

  @Test
  void liaisonSeesTasklistWithoutDeveloperFunctionsAndAChinesePageInCockpit() {
    // when: the finance liaison logs in
    browser.logIn(port, "finance-liaison", "finance-liaison");

    // then: Tasklist has rendered its filters; no 新建任务, no link to the review workspace
    browser.await("the shared filters", d -> browser.textOf(By.cssSelector("body")).contains("本部门待办"));
    browser.capture("liaison-tasklist");
    assertThat(browser.driver().findElements(CREATE_TASK)).allMatch(e -> !e.isDisplayed());
    assertThat(browser.textOf(By.cssSelector("body"))).doesNotContain("新建任务", "整改活动审查");
    assertThat(browser.driver().findElements(By.cssSelector(".tasks-list .priority"))).allMatch(e -> !e.isDisplayed());

    // when: he opens Cockpit
    browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/");

    // then: a Chinese page saying where to go
    browser.await("the Chinese 403 page", d -> browser.textOf(By.id("campaign-error")).contains("无权使用此页面"));
    browser.capture("liaison-cockpit-403");
    assertThat(browser.textOf(By.id("campaign-error"))).contains("任务列表", "错误代码 403").doesNotContain("Whitelabel");
  }

  @Test
  void auditorFindsTheReviewWorkspaceInTasklistsHeader() {
    browser.logIn(port, "auditor", "auditor");
    browser.await("link 整改活动审查 in the header", d -> browser.visible(REVIEW_LINK));
    browser.capture("auditor-tasklist");
    assertThat(browser.textOf(REVIEW_LINK)).contains("整改活动审查");
    assertThat(browser.driver().findElements(CREATE_TASK)).allMatch(e -> !e.isDisplayed());

    browser.click(REVIEW_LINK);
    browser.await("the review workspace in Cockpit", d -> d.getCurrentUrl().contains("#/campaign-review"));
  }
}
