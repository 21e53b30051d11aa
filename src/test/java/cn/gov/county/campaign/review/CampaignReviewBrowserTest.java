package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditor, in Chinese Chromium, opens Cockpit, finds the campaign view in the header, opens a
 * finished campaign's ledger, verifies its audit chain, downloads the export (the archive's
 * manifest matches its files), and opens a department's dossier with the diagram of its finished
 * instance. Screenshots go to
 * {@code target/screenshots/review-*}.
 */
@CampaignIntegrationTest
class CampaignReviewBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("review-");

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void theAuditorReviewsAFinishedCampaignInCockpitAndDownloadsTheExport() throws Exception {
    String code = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("审查浏览器演练活动");

    WebDriver driver = browser.driver();
    Path downloads = browser.allowDownloads();
    browser.logIn(port, "auditor", "auditor");
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
    browser.await("the campaign view in Cockpit's header", d -> browser.visible(By.cssSelector("a.campaign-review-link")) != null);
    assertThat(browser.textOf(By.cssSelector("a.campaign-review-link"))).isEqualTo("整改活动审查");
    browser.click(By.cssSelector("a.campaign-review-link"));

    By campaign = By.xpath("//a[contains(@class,'cr-campaign') and text()='" + code + "']");
    browser.await("the finished campaign in the list", d -> browser.visible(campaign) != null);
    browser.capture("campaigns");
    assertThat(content(By.cssSelector("table.cr-campaigns"))).contains("审查浏览器演练活动").contains("已结束");
    browser.click(campaign);

    browser.await("the ledger", d -> browser.visible(By.cssSelector("table.cr-ledger")) != null);
    String ledger = content(By.cssSelector("table.cr-ledger"));
    assertThat(ledger).contains("县财政局").contains("县市场监督管理局").contains("按时完成").contains("正常");
    assertThat(content(By.cssSelector("table.cr-timeline"))).contains("记录活动总结");
    // the operation log in plain words, with names (it showed "finance-liaison 认领 Task assignee …" before)
    assertThat(content(By.cssSelector("table.cr-operation-log")))
        .contains(CampaignDriver.liaisonNameOf("dept-finance") + "认领任务「制定工作方案」").doesNotContain("finance-liaison");
    browser.capture("ledger");

    browser.click(By.cssSelector("button.cr-verify"));
    browser.await("the audit chain verified", d -> content(By.cssSelector(".cr-verification")).contains("核验通过"));
    assertThat(content(By.cssSelector(".cr-verification-summary"))).contains("未发现删除或改动");

    browser.click(By.cssSelector("a.cr-export"));
    Path archive = browser.await("the export downloaded", d -> downloaded(downloads));
    Map<String, byte[]> files = CampaignReviewTest.unzip(Files.readAllBytes(archive));
    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest.path("campaignCode").asText()).isEqualTo(code);
    assertThat(manifest.path("exportedBy").asText()).isEqualTo("auditor");
    assertThat(manifest.path("files")).isNotEmpty();
    for (JsonNode file : manifest.path("files")) {
      assertThat(files).containsKey(file.path("path").asText());
      assertThat(CampaignReviewTest.sha256(files.get(file.path("path").asText()))).as(file.path("path").asText())
          .isEqualTo(file.path("sha256").asText());
    }
    assertThat(files.keySet()).hasSize(manifest.path("files").size() + 2);

    browser.click(By.cssSelector("a.cr-department[data-department='dept-finance']"));
    browser.await("the finance bureau's dossier", d -> browser.visible(By.cssSelector("table.cr-tasks")) != null);
    assertThat(content(By.cssSelector("table.cr-tasks"))).contains("制定工作方案")
        .contains(CampaignDriver.liaisonNameOf("dept-finance")).doesNotContain("finance-liaison");
    assertThat(content(By.cssSelector("table.cr-submissions"))).contains("成立工作专班，分三个步骤开展自查自纠和整改。")
        .doesNotContain("（approved）").doesNotContain("（accepted）");
    // submitted lists (the checklist, the staff commitments) as tables, not raw JSON
    assertThat(driver.findElements(By.cssSelector("table.cr-submissions table.cr-list"))).isNotEmpty();
    assertThat(content(By.cssSelector("table.cr-submissions"))).contains("职务（岗位）").doesNotContain("\"staffPost\"");
    browser.await("the diagram of the finished self-inspection", d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
        .executeScript("const img = document.querySelector('.cr-diagram img');"
            + " return !!img && img.complete && img.naturalWidth > 0;")));
    browser.capture("dossier");
    browser.scrollIntoView(browser.driver().findElement(By.cssSelector(".cr-diagram")));
    browser.capture("dossier-diagram");
  }

  /** All text of the element, also the part scrolled out of Cockpit's view. */
  private static String content(By by) {
    return browser.driver().findElement(by).getDomProperty("textContent");
  }

  /** The finished download (Chromium writes *.crdownload until it is complete), or null. */
  private static Path downloaded(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> zips = files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
      return zips.size() == 1 ? zips.get(0) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
