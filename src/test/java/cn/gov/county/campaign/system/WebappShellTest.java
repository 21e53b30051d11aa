package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' shell as a plain HTTP client sees it: every page's script nonce is its own
 * response's (60 page loads at once), and error pages are Chinese for browsers and JSON for API
 * clients.
 */
@CampaignIntegrationTest
class WebappShellTest {

  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void everyPageLoadCarriesTheNonceOfItsOwnHeader_when60LoadAtOnce() {
    // given: 60 page loads of Tasklist and Cockpit sent at once
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    List<CompletableFuture<HttpResponse<String>>> loads = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String app = i % 2 == 0 ? "tasklist" : "cockpit";
      loads.add(client.sendAsync(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/"))
              .header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    // then: each page's every script nonce equals the nonce of its own policy header, and no two pages share one
    Set<String> nonces = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> load : loads) {
      HttpResponse<String> page = load.join();
      assertThat(page.statusCode()).isEqualTo(200);
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      Matcher header = HEADER_NONCE.matcher(policy);
      assertThat(header.find()).as("a nonce in " + policy).isTrue();
      String nonce = header.group(1);
      Matcher scripts = PAGE_NONCE.matcher(page.body());
      int count = 0;
      while (scripts.find()) {
        assertThat(scripts.group(1)).as("script nonce of " + page.uri()).isEqualTo(nonce);
        count++;
      }
      assertThat(count).as("scripts with a nonce in " + page.uri()).isGreaterThanOrEqualTo(4);
      assertThat(page.headers().firstValueAsLong("Content-Length").orElse(-1))
          .isIn(-1L, (long) page.body().getBytes(StandardCharsets.UTF_8).length);
      nonces.add(nonce);
    }
    assertThat(nonces).hasSize(60);
  }

  @Test
  void departmentOpeningCockpitGetsAChinesePageThatSaysWhereToGo() {
    // given: the finance bureau takes part in a campaign, and its liaison is logged in to Tasklist
    String code = new CampaignDriver(engine).launch("错误页面测试活动", List.of());
    TasklistSession liaison = TasklistSession.login(port, "finance-liaison");

    // when: he opens Cockpit as a browser does
    var page = liaison.send("GET", "/camunda/app/cockpit/default/", null, null, "Accept", "text/html");

    // then: a Chinese page with the way to Tasklist, not Spring's English page
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("无权使用此页面", "finance-liaison", "任务列表", "/camunda/app/tasklist/")
        .doesNotContain("Whitelabel", "整改活动审查");
    // and the way to his unit's record in that campaign
    assertThat(page.body()).contains("本单位活动档案：错误页面测试活动（" + code + "）",
        "/campaign/campaigns/" + code + "/departments/dept-finance");
  }

  @Test
  void theForbiddenPageOffersTheReviewWorkspaceOnlyToThoseCockpitLetsIn() {
    // the supervision office reads every campaign's work through the API, but Cockpit is the office's and auditors'
    var supervisor = TasklistSession.login(port, "supervisor")
        .send("GET", "/camunda/app/cockpit/default/", null, null, "Accept", "text/html");
    assertThat(supervisor.status()).isEqualTo(403);
    assertThat(supervisor.body()).contains("任务列表").doesNotContain("整改活动审查");

    // the office, refused Admin, is shown the way to its review workspace
    var office = TasklistSession.login(port, "office")
        .send("GET", "/camunda/app/admin/default/", null, null, "Accept", "text/html");
    assertThat(office.status()).isEqualTo(403);
    assertThat(office.body()).contains("整改活动审查", "/camunda/app/cockpit/default/#/campaign-review");
  }

  @Test
  void unknownAddressGetsAChinesePageInABrowserAndJsonForApiClients() {
    HttpClient client = HttpClient.newHttpClient();
    var html = send(client, "/no-such-page", "text/html");
    assertThat(html.statusCode()).isEqualTo(404);
    assertThat(html.body()).contains("找不到该页面", "任务列表").doesNotContain("Whitelabel");
    assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");

    var json = send(client, "/no-such-page", "application/json");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(json.body()).contains("\"status\":404").doesNotContain("<html");
  }

  private HttpResponse<String> send(HttpClient client, String path, String accept) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
