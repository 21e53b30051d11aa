package cn.gov.county.campaign.notice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CampaignIntegrationTest
class NoticeWebTest {

  @LocalServerPort
  int port;

  @Autowired
  Notices notices;

  @Autowired
  PlatformTransactionManager transactionManager;

  private CampaignRest rest;
  private String campaign;
  private IssuedNotice financeNotice;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    campaign = NoticesTest.newCampaign();
    financeNotice = new TransactionTemplate(transactionManager).execute(status -> notices.issue(new NoticeDraft(
        campaign, NoticeKind.SUPERVISION_NOTICE, "县委督查室", "县财政局", "关于督促报送自查报告的督办通知单",
        "你单位至今未报送自查报告<script>alert('x')</script>。\n请于5个工作日内书面反馈。",
        LocalDate.of(2026, 8, 24), "dept-finance", null, "supervisor")));
  }

  @Test
  void shouldShowTheAuditorThePrintableNotice() {
    // when
    var reply = rest.get("auditor", financeNotice.url());
    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("<p class=\"mark\"", "县委督查室", campaign + "〔2026〕1号", "<h1>关于督促报送自查报告的督办通知单</h1>",
            "县财政局：", "<p>请于5个工作日内书面反馈。</p>", "2026年8月24日印发", ">打印</button>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void shouldServeTheNoticeAsUtf8Html() throws Exception {
    // when
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + financeNotice.url()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(UTF_8)))
        .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    // then
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    // and: a content security policy without inline scripts, no framing by other sites
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
            .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline"));
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]|onclick=")
        .contains("<script src=\"/campaign-assets/print.js\"></script>");
  }

  @Test
  void shouldShowTheConcernedDepartmentItsNotice() {
    // when
    var reply = rest.get("finance-liaison", financeNotice.url());
    // then
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains(financeNotice.number());
  }

  @Test
  void shouldRefuseAnotherDepartment() {
    // when
    var reply = rest.get("propaganda-liaison", financeNotice.url());
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).isEqualTo("无权查看此文书。").doesNotContain(financeNotice.number());
  }

  @Test
  void shouldAskAnonymousCallersToLogIn() throws Exception {
    assertThat(rest.get(null, financeNotice.url()).status()).isEqualTo(401);
    // without a Basic challenge: the browser never asks for, caches and replays credentials for these pages
    var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + financeNotice.url())).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(anonymous.body()).isEqualTo("请先登录（任务列表或驾驶舱的账号）。");
    assertThat(rest.get(null, "/campaign/api/notices?campaignCode=" + campaign).status()).isEqualTo(401);
  }

  @Test
  void shouldAnswer404ForAnUnknownNotice() {
    // when
    var reply = rest.get("auditor", "/campaign/notices/999999999");
    // then
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("文书不存在。");
  }

  @Test
  void shouldListTheCampaignsNoticesForTheWorkingBodies() {
    // when
    var reply = rest.get("supervisor", "/campaign/api/notices?campaignCode=" + campaign);
    // then
    assertThat(reply.status()).isEqualTo(200);
    var notice = reply.json().get(0);
    assertThat(reply.json()).hasSize(1);
    assertThat(notice.get("id").asLong()).isEqualTo(financeNotice.id());
    assertThat(notice.get("number").asText()).isEqualTo(campaign + "〔2026〕1号");
    assertThat(notice.get("kind").asText()).isEqualTo("SUPERVISION_NOTICE");
    assertThat(notice.get("title").asText()).isEqualTo("关于督促报送自查报告的督办通知单");
    assertThat(notice.get("issuedOn").asText()).isEqualTo("2026-08-24");
    assertThat(notice.get("department").asText()).isEqualTo("dept-finance");
    assertThat(notice.get("url").asText()).isEqualTo(financeNotice.url());
  }

  @Test
  void shouldListADepartmentsNoticesForThatDepartmentOnly() {
    // when
    var own = rest.get("finance-liaison",
        "/campaign/api/notices?campaignCode=" + campaign + "&department=dept-finance");
    var all = rest.get("finance-liaison", "/campaign/api/notices?campaignCode=" + campaign);
    var other = rest.get("propaganda-liaison",
        "/campaign/api/notices?campaignCode=" + campaign + "&department=dept-finance");
    // then
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json()).hasSize(1);
    assertThat(all.status()).isEqualTo(403);
    assertThat(other.status()).isEqualTo(403);
  }
}
