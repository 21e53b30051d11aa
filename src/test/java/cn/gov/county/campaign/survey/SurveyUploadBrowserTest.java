package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.TasklistBrowser;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office's clerk, logged in to Tasklist in Chinese Chromium, uploads the round's sheet on the
 * upload page: a sheet with a bad cell is refused with the row and column named, the corrected one
 * is taken, and the ranking then shows as a table in the review task's form. Screenshots go to
 * {@code target/screenshots/survey-*}.
 */
@CampaignIntegrationTest
class SurveyUploadBrowserTest {

  @RegisterExtension
  static final TasklistBrowser browser = new TasklistBrowser("survey-");

  private static final By FILE = By.cssSelector("form[data-task] input[type=file]");
  private static final By UPLOAD = By.cssSelector("form[data-task] button[type=submit]");
  private static final By RESULT = By.cssSelector("section.entry .result");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Test
  void theOfficeUploadsTheSheetAndReviewsTheRankingInTasklist() throws IOException {
    CampaignDriver campaign = new CampaignDriver(engine);
    String code = campaign.launch("2026年机关作风建设活动", List.of());
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String round = engine.getRuntimeService().startProcessInstanceByKey(SurveyModel.PROCESS, Map.of(
        "campaignCode", code, "surveyRoundName", "第二次作风建设满意度测评", "surveyDate", today,
        "surveyScale", "standard", "countsForConsequences", true)).getId();
    Path bad = sheet("测评结果-有误.csv", SatisfactionSurveyProcessTest.RESULTS.replace("57,35,8,0", "57,35,八,0"));
    Path good = sheet("测评结果.csv", SatisfactionSurveyProcessTest.RESULTS);

    WebDriver driver = browser.driver();
    browser.logIn(port, "office", "office");
    driver.get("http://localhost:" + port + "/campaign/surveys/entry");
    browser.await("the round on the upload page", d -> browser.textOf(By.tagName("body")).contains("第二次作风建设满意度测评"));
    assertThat(driver.findElement(By.linkText("Excel（.xlsx）")).getDomAttribute("href")).endsWith("/template.xlsx");

    driver.findElement(FILE).sendKeys(bad.toAbsolutePath().toString());
    browser.click(UPLOAD);
    browser.await("the refusal", d -> browser.textOf(RESULT).contains("未导入"));
    browser.capture("refused");
    assertThat(browser.textOf(RESULT)).contains("第7行第F列「不满意」：应为 0 到 1000000 之间的整数票数，实际为「八」");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(round).singleResult().getTaskDefinitionKey())
        .isEqualTo(SurveyModel.ENTRY_TASK);

    WebElement file = driver.findElement(FILE);
    file.clear();
    file.sendKeys(good.toAbsolutePath().toString());
    browser.click(UPLOAD);
    browser.await("the import", d -> browser.textOf(RESULT).contains("已导入 8 个单位的测评票数"));
    campaign.runJobs();

    Task review = engine.getTaskService().createTaskQuery().processInstanceId(round).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(SurveyModel.CONFIRM_CONSEQUENCES_TASK);
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    By table = By.cssSelector(".fjs-form table");
    browser.await("the ranking table in the form", d -> browser.visible(table));
    browser.capture("ranking");
    List<String> rows = driver.findElements(By.cssSelector(".fjs-form table tr")).stream().map(WebElement::getText)
        .toList();
    assertThat(rows.get(0)).contains("单位类别", "得分", "名次");
    assertThat(rows)
        .anyMatch(r -> r.contains("县教育局") && r.contains("78.00") && r.contains("3/4") && r.contains("诫勉谈话"));
    assertThat(browser.textOf(TasklistBrowser.FORM)).contains("县财政局").doesNotContain("{{");
  }

  private static Path sheet(String name, String content) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "survey-sheets"));
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
