package cn.gov.county.campaign.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 消息: what a department is told reaches it in the application, mail or no mail. The finance
 * bureau's liaison finds the campaign's notifications among his unread messages; the market
 * bureau's liaison neither sees nor marks them; marking read lowers his own count only.
 */
@CampaignIntegrationTest
class InboxRestTest {

  private static final String API = "/campaign/api/messages";

  @Autowired
  ProcessEngine engine;

  @Autowired
  Notifications notifications;

  @LocalServerPort
  int port;

  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
  }

  @Test
  void aLiaisonReadsHisOwnMessages_andMarksThemRead_anotherUnitCannot() {
    // given: a campaign told the finance bureau's liaison about his new work (no mail server in tests)
    String code = AugustCampaign.launch(new CampaignDriver(engine), List.of("dept-finance", "dept-market"));
    NotificationRecord told = notifications.ofCampaign(code, "dept-finance").stream()
        .filter(n -> n.recipientId().equals("finance-liaison")).findFirst().orElseThrow();

    // when: he opens his messages
    JsonNode inbox = rest.get("finance-liaison", API).json();

    // then: the notification is there, unread, with its subject and link, and counted
    JsonNode message = find(inbox, told.id());
    assertThat(message).as("the notification among his messages").isNotNull();
    assertThat(message.path("subject").asText()).isEqualTo(told.subject());
    assertThat(message.path("campaignCode").asText()).isEqualTo(code);
    assertThat(message.path("read").asBoolean()).isFalse();
    int unread = inbox.path("unread").asInt();
    assertThat(unread).isPositive();
    assertThat(rest.get("finance-liaison", API + "/unread").json().path("unread").asInt()).isEqualTo(unread);

    // and: the market bureau's liaison does not see it and cannot mark it
    assertThat(find(rest.get("market-liaison", API).json(), told.id())).isNull();
    CampaignRest.Reply foreign = rest.post("market-liaison", API + "/" + told.id() + "/read", "{}");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(InboxController.NOT_FOUND);
    assertThat(find(rest.get("finance-liaison", API).json(), told.id()).path("read").asBoolean()).isFalse();

    // when: he marks it read
    CampaignRest.Reply marked = rest.post("finance-liaison", API + "/" + told.id() + "/read", "{}");

    // then: it is read and his count is one lower
    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.json().path("unread").asInt()).isEqualTo(unread - 1);
    assertThat(find(rest.get("finance-liaison", API).json(), told.id()).path("read").asBoolean()).isTrue();

    // when: he marks all read
    CampaignRest.Reply all = rest.post("finance-liaison", API + "/read", "{}");

    // then: nothing unread is left
    assertThat(all.json().path("marked").asInt()).isEqualTo(unread - 1);
    assertThat(rest.get("finance-liaison", API + "/unread").json().path("unread").asInt()).isZero();
  }

  @Test
  void withoutLoginNothing_andASessionWriteNeedsItsCsrfToken() {
    assertThat(rest.get(null, API).status()).isEqualTo(401);

    TasklistSession session = TasklistSession.login(port, "finance-liaison");
    assertThat(session.get(API).status()).isEqualTo(200);
    assertThat(session.send("POST", API + "/read", "application/json", "{}".getBytes()).status()).isEqualTo(403);
    assertThat(session.post(API + "/read", "{}").status()).isEqualTo(200);
  }

  private static JsonNode find(JsonNode inbox, long id) {
    return StreamSupport.stream(inbox.path("messages").spliterator(), false)
        .filter(m -> m.path("id").asLong() == id).findFirst().orElse(null);
  }
}
