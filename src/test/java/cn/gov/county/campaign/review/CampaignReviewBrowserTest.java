package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
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
 * instance drawn by bpmn-js with the path marked, and the same diagram from the export, offline. Screenshots go to
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
    browser.await("the campaign view in Cockpit's header",
        d -> browser.visible(By.cssSelector("a.campaign-review-link")) != null);
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
    // the diagram of the finished self-inspection, drawn by bpmn-js in its frame, with the path marked
    By frame = By.cssSelector(".cr-diagram iframe[title='部门自查自纠流程图']");
    browser.await("the self-inspection's diagram frame", d -> !d.findElements(frame).isEmpty());
    browser.scrollIntoView(driver.findElement(frame));
    driver.switchTo().frame(driver.findElement(frame));
    assertThePathIsMarked("in Cockpit");
    driver.switchTo().defaultContent();
    browser.capture("dossier");
    browser.scrollIntoView(browser.driver().findElement(By.cssSelector(".cr-diagram")));
    browser.capture("dossier-diagram");

    // the same diagram from the export, opened from disk without the server
    Path unpacked = Files.createTempDirectory("export-");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = unpacked.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    String offline = files.keySet().stream().filter(p -> p.startsWith("流程图/县财政局/部门自查自纠") && p.endsWith(".html"))
        .findFirst().orElseThrow();
    driver.get(unpacked.resolve(offline).toUri().toString());
    assertThePathIsMarked("offline");
    assertThat(browser.textOf(By.tagName("h1"))).startsWith("部门自查自纠");
    browser.capture("export-diagram");
  }

  /** In the current page or frame: bpmn-js drew the finished self-inspection and marked its path. */
  private static void assertThePathIsMarked(String where) {
    browser.await("bpmn-js drew the diagram " + where,
        d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-diagram")));
    assertThat(markers(CampaignModel.SelfInspection.DRAFT_WORK_PLAN)).as(where).contains("djs-shape", "cr-completed");
    assertThat(markers(CampaignModel.SelfInspection.COMPLETED)).as(where).contains("cr-completed");
    assertThat(markers(CampaignModel.SelfInspection.MARK_DISCUSSION_MISSING)).as(where).contains("cr-not-executed");
    assertThat(markers("SequenceFlow_ReportAcceptedYes")).as(where).contains("djs-connection", "cr-taken");
    assertThat(markers("SequenceFlow_ReportAcceptedNo")).as(where).contains("cr-not-taken");
    // the marker's style reaches the drawing: a completed task is filled green
    assertThat(
        browser.driver()
            .findElement(By.cssSelector(
                "g[data-element-id='" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "'] .djs-visual > rect"))
            .getCssValue("fill"))
        .as(where).isEqualTo("rgb(232, 245, 233)");
  }

  private static List<String> markers(String elementId) {
    return List.of(browser.driver().findElement(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']"))
        .getDomAttribute("class").split("\\s+"));
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
