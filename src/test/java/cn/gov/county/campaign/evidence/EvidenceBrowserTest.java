package cn.gov.county.campaign.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.problem.ProblemRegister;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The finance bureau's liaison, in Chinese Chromium, opens the completion report in Tasklist, its
 * tab 佐证材料, uploads a photo through the file input and sees it listed (and downloads it under
 * its Chinese name); a file over 10 MB is refused with the Chinese message naming it, and nothing
 * is stored. Screenshots: {@code target/screenshots/evidence-*}.
 */
@CampaignIntegrationTest
class EvidenceBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("evidence-");

  private static final By TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='佐证材料']");
  private static final By FILE_INPUT = By.cssSelector(".campaign-evidence input.ev-file");
  private static final By UPLOAD = By.cssSelector(".campaign-evidence button.ev-upload");
  private static final By FILES = By.cssSelector(".campaign-evidence table.ev-files");
  private static final By MESSAGE = By.cssSelector(".campaign-evidence .ev-message");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  ProblemRegister problems;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theLiaisonUploadsAPhotoOnTheCompletionReport_andAFileTooLargeIsRefusedInChinese() throws IOException {
    // given: the finance bureau's completion report, and two files on the liaison's computer
    EvidenceRestTest.Fixture f = EvidenceRestTest.completionReportOfFinance(new CampaignDriver(engine), problems,
        "佐证材料浏览器演练");
    String taskId = f.completionReport().getId();
    Path dir = Files.createDirectories(Path.of("target", "evidence-files"));
    byte[] photoBytes = EvidenceRestTest.png(30_000);
    Path photo = Files.write(dir.resolve("整改后窗口照片.png"), photoBytes);
    Path large = Files.write(dir.resolve("现场录像截图.png"), EvidenceRestTest.png(11 * 1024 * 1024));

    // when: the liaison opens the task and its tab 佐证材料
    WebDriver driver = browser.driver();
    Path downloads = browser.allowDownloads();
    browser.logIn(port, "finance-liaison", "finance-liaison");
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.await("the form of the completion report", d -> browser.visible(TasklistBrowser.field("completionReport")));
    assertThat(browser.textOf(TasklistBrowser.FORM)).contains("「佐证材料」页签中上传");
    browser.click(TAB);
    browser.await("the upload form", d -> browser.visible(FILE_INPUT) != null);
    assertThat(browser.textOf(By.cssSelector(".campaign-evidence"))).contains("尚无佐证材料",
        "每个文件不超过 10 MB，格式限 jpg、jpeg、png、pdf、doc、docx、xls、xlsx");
    browser.capture("tab");

    // when: the liaison chooses the photo and uploads it
    driver.findElement(FILE_INPUT).sendKeys(photo.toAbsolutePath().toString());
    browser.click(UPLOAD);

    // then: it is listed, with its size and who uploaded it
    browser.await("the photo in the list", d -> !d.findElements(FILES).isEmpty()
        && browser.textOf(FILES).contains("整改后窗口照片.png"));
    browser.await("the confirmation", d -> browser.textOf(MESSAGE).contains("「整改后窗口照片.png」已上传。"));
    browser.capture("uploaded");
    assertThat(browser.textOf(FILES)).contains("30 KB", "finance-liaison", "提交办结报告");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_evidence WHERE task_id = ?", Long.class, taskId))
        .isEqualTo(1);

    // and: the link downloads it under its Chinese name, unchanged
    browser.click(By.linkText("整改后窗口照片.png"));
    Path downloaded = downloads.resolve("整改后窗口照片.png");
    browser.await("the download", d -> Files.exists(downloaded) && sameContent(downloaded, photoBytes));

    // when: the liaison uploads a file over 10 MB
    driver.findElement(FILE_INPUT).sendKeys(large.toAbsolutePath().toString());
    browser.click(UPLOAD);

    // then: refused in Chinese, naming the file; nothing more is stored
    browser.await("the refusal", d -> browser.textOf(MESSAGE).contains("未上传"));
    browser.capture("too-large");
    assertThat(browser.textOf(MESSAGE)).isEqualTo("「现场录像截图.png」未上传：文件大小为 11.0 MB，超过了佐证材料每个文件 10 MB 的上限。"
        + "请压缩图片或拆分文件后重新上传。");
    assertThat(driver.findElement(MESSAGE).getAttribute("class")).contains("ev-error");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_evidence WHERE task_id = ?", Long.class, taskId))
        .isEqualTo(1);
    assertThat(browser.textOf(FILES)).doesNotContain("现场录像截图.png");
  }

  private static boolean sameContent(Path file, byte[] expected) {
    try {
      return java.util.Arrays.equals(Files.readAllBytes(file), expected);
    } catch (IOException e) {
      return false;
    }
  }
}
