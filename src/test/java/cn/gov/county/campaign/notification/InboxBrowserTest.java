package cn.gov.county.campaign.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 消息 in the real Tasklist (Chinese Chromium): the finance bureau's liaison sees in the header how
 * many unread messages he has, opens them, finds what the campaign told him, and marks them read.
 * Screenshots: {@code target/screenshots/messages-*}.
 */
@CampaignIntegrationTest
class InboxBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("messages-");

  private static final By LINK = By.cssSelector("a.campaign-messages");
  private static final By BADGE = By.cssSelector("a.campaign-messages .cm-badge");
  private static final By PANEL = By.cssSelector(".campaign-messages-panel");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  Notifications notifications;

  @Test
  void theLiaisonSeesHowManyMessagesAreUnread_readsThem_andMarksThemRead() {
    // given: a campaign told the finance bureau's liaison about his new work
    String code = AugustCampaign.launch(new CampaignDriver(engine), List.of("dept-finance"));
    NotificationRecord told = notifications.ofCampaign(code, "dept-finance").stream()
        .filter(n -> n.recipientId().equals("finance-liaison")).reduce((a, b) -> b).orElseThrow();
    int unread = TasklistSession.login(port, "finance-liaison").get("/campaign/api/messages/unread").json()
        .path("unread").asInt();
    assertThat(unread).isPositive();

    // when: he logs into Tasklist
    browser.logIn(port, "finance-liaison", "finance-liaison");

    // then: the header shows 消息 with his unread count
    browser.await("消息 in the header", d -> browser.visible(LINK) != null);
    String expected = unread > 99 ? "99+" : String.valueOf(unread);
    browser.await("the unread count " + expected, d -> expected.equals(browser.textOf(BADGE)));

    // when: he opens it
    browser.click(LINK);

    // then: the newest message of the campaign is listed, unread, with its subject
    browser.await("the message panel", d -> browser.visible(PANEL) != null);
    browser.await("the campaign's message", d -> d.findElement(PANEL).getDomProperty("textContent")
        .contains(told.subject()));
    assertThat(browser.driver().findElement(PANEL).getDomProperty("textContent")).contains("消息（" + unread + "条未读）");
    assertThat(browser.driver().findElements(By.cssSelector(".campaign-messages-panel li.cm-unread"))).isNotEmpty();
    browser.capture("panel");

    // when: he marks all read
    browser.click(By.cssSelector(".campaign-messages-panel .cm-mark-all"));

    // then: nothing unread is left, in the header and on the server
    browser.await("no unread message listed",
        d -> d.findElements(By.cssSelector(".campaign-messages-panel li.cm-unread"))
            .isEmpty());
    browser.await("the badge gone", d -> d.findElement(BADGE).getDomAttribute("class").contains("cm-none"));
    assertThat(TasklistSession.login(port, "finance-liaison").get("/campaign/api/messages/unread").json()
        .path("unread").asInt()).isZero();
  }
}
