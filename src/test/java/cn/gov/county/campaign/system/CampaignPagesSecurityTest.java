package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's own browser-facing endpoints under {@code /campaign} are protected like the
 * webapps' API: a write from a logged-in browser needs the session's CSRF token, whatever other
 * headers come with it; a forged request changes nothing.
 */
@CampaignIntegrationTest
class CampaignPagesSecurityTest {

  @LocalServerPort
  int port;

  private static final byte[] YEAR_2031 = """
      year: 2031
      source: 测试用示例，非官方安排
      holidays:
        - name: 元旦
          daysOff: { from: 2031-01-01, to: 2031-01-01 }
          makeUpWorkingDays: []
      """.getBytes(StandardCharsets.UTF_8);

  @org.springframework.beans.factory.annotation.Value("${campaign.calendar.directory}")
  java.nio.file.Path calendarDirectory;

  /** The year this test imports is not there before it and is gone after it. */
  @org.junit.jupiter.api.BeforeEach
  @org.junit.jupiter.api.AfterEach
  void removeTheImportedYear() throws java.io.IOException {
    java.nio.file.Files.deleteIfExists(calendarDirectory.resolve("cn-holidays-2031.yaml"));
  }

  @Test
  void aWriteFromTheOfficesBrowserSessionNeedsTheSessionsCsrfToken_whateverElseItCarries() {
    // given: the office is logged in to Tasklist in its browser
    TasklistSession office = TasklistSession.login(port, "office");
    String bogusBasic = "Basic " + Base64.getEncoder().encodeToString("x:y".getBytes(StandardCharsets.UTF_8));

    // when: a page of another site makes the browser send writes with the session cookie
    var noToken = office.send("PUT", "/campaign/api/calendar/2031", "text/plain;charset=UTF-8", YEAR_2031);
    var withAuthorization = office.send("PUT", "/campaign/api/calendar/2031", "text/plain;charset=UTF-8", YEAR_2031,
        "Authorization", bogusBasic);
    var wrongToken = office.send("PUT", "/campaign/api/calendar/2031", "text/plain;charset=UTF-8", YEAR_2031,
        "X-XSRF-TOKEN", "forged");
    var upload = office.send("POST", "/campaign/api/surveys/entry/any-task", "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx\r\n--b--\r\n"
            .getBytes(StandardCharsets.UTF_8),
        "Authorization", bogusBasic);

    // then: refused in Chinese, nothing imported
    for (var refused : java.util.List.of(noToken, withAuthorization, wrongToken, upload)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body()).contains("防伪令牌");
    }
    assertThat(new CampaignRest(port).get("office", "/campaign/api/calendar").json().findValuesAsText("year"))
        .doesNotContain("2031");

    // when: the office's own page sends the token it was given
    String page = office.get("/campaign/surveys/entry").body();
    Matcher meta = Pattern.compile("<meta name=\"campaign-csrf-token\" content=\"([^\"]+)\">").matcher(page);
    assertThat(meta.find()).as(page).isTrue();
    assertThat(meta.group(1)).isEqualTo(office.xsrf());
    var imported = office.send("PUT", "/campaign/api/calendar/2031", "text/plain;charset=UTF-8", YEAR_2031,
        "X-XSRF-TOKEN", meta.group(1));
    // then
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(new CampaignRest(port).get("office", "/campaign/api/calendar").json().findValuesAsText("year"))
        .contains("2031");
  }

  @Test
  void aScriptWithHttpBasicNeedsNoToken_andAStrangerIsNotAskedForCredentials() {
    var script = new CampaignRest(port).get("auditor", "/campaign/api/calendar");
    assertThat(script.status()).isEqualTo(200);
    var anonymous = new CampaignRest(port).get(null, "/campaign/api/calendar");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("请先登录（任务列表或驾驶舱的账号）。");
  }
}
