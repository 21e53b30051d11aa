package cn.gov.county.campaign.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.supervision.SupervisionModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The year-end assessment as the office runs it: every unit scored from the year's records and
 * ranked within its category; a unit whose 评优 was cancelled for the year is never commended; the
 * office confirms; the results are circulated, printable and exported to Excel.
 */
@CampaignIntegrationTest
class AnnualAssessmentProcessTest {

  private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  Organization organization;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  /** The office cancels the unit's 评优 for this year through a supervision case. */
  private void cancelAwards(String code, String department) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("department", department);
    form.put("cadreName", "");
    form.put("cadrePost", "");
    form.put("findingSource", "unrectifiedProblem");
    form.put("finding", "问题整改两次退回仍未到位。");
    form.put("evidence", "");
    form.put("seriousness", "serious");
    form.put("repeated", true);
    var started = rest.post("office",
        "/engine-rest/process-definition/key/" + SupervisionModel.PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Task decision = driver.tasks.createTaskQuery().processInstanceId(started.json().path("id").asText()).singleResult();
    rest.post("office", "/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"office\"}");
    var decided = rest.post("office", "/engine-rest/task/" + decision.getId() + "/submit-form",
        RestCampaignWalkthrough.form(
            Map.of("measure", "awardDisqualification", "assessmentYear", YEAR, "measureReason", "整改不力，取消本年度评优资格。")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    driver.runJobs();
  }

  @Test
  void unitsAreRankedWithinTheirCategories_aCancelledAwardIsHonoured_andTheOfficeConfirmsBeforeItIsCirculated()
      throws Exception {
    // given: a campaign this year in which the finance bureau lost its 评优 for the year
    String code = driver.launch("年度考核演练", List.of());
    cancelAwards(code, "dept-finance");
    // and: its deputy head signed his own commitment in that campaign
    driver.doSelfInspection(code, "dept-finance", null);

    // when: the office starts the year's assessment
    var started = rest.post("office", "/engine-rest/process-definition/key/" + AssessmentModel.PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("assessmentYear", YEAR)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    driver.runJobs();

    // then: every leader who signed a commitment this year reports on it himself first (述职述廉), the deputy among them
    List<Task> reports = driver.tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(AssessmentModel.REPORT_FULFILMENT_TASK).list();
    assertThat(reports).extracting(Task::getAssignee).contains("finance-head", "finance-deputy");
    Task deputys = reports.stream().filter(t -> "finance-deputy".equals(t.getAssignee())).findFirst().orElseThrow();
    assertThat((String) driver.tasks.getVariable(deputys.getId(), AssessmentModel.LEADER_COMMITMENTS))
        .contains("限期整改到位");
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + deputys.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("fulfilmentReport", "替领导写的述职述廉报告，承诺事项均已完成。"))).status())
        .as("nobody reports in a leader's place").isIn(403, 404);
    for (Task report : reports) {
      var reported = rest.post(report.getAssignee(), "/engine-rest/task/" + report.getId() + "/submit-form",
          RestCampaignWalkthrough.form(Map.of("fulfilmentReport", "本人承诺事项已逐项落实，预算批复和资金拨付限时办结，仍有个别事项办理偏慢。")));
      assertThat(reported.status()).as(reported.body()).isEqualTo(204);
    }
    driver.runJobs();

    // when: the office gives each unit its performance score on its category's criteria (the finance bureau 95)
    Task performance = driver.tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(performance.getTaskDefinitionKey()).isEqualTo(AssessmentModel.PERFORMANCE_TASK);
    JsonNode lines = new ObjectMapper().readTree(rest.get("office", "/engine-rest/task/" + performance.getId()
        + "/variables/performanceScores?deserializeValue=false").json().path("value").asText());
    assertThat(lines.findValuesAsText("criteria")).anyMatch(c -> c.contains("经济实力")).anyMatch(c -> c.contains("办的实事"));
    List<Map<String, Object>> scores = new ArrayList<>();
    lines.forEach(l -> scores.add(Map.of("department", l.path("department").asText(),
        "departmentName", l.path("departmentName").asText(), "criteria", l.path("criteria").asText(),
        "performanceScore", l.path("department").asText().equals("dept-finance") ? 95 : 70)));
    rest.post("office", "/engine-rest/task/" + performance.getId() + "/claim", "{\"userId\":\"office\"}");
    // and: rates the leaders' reports, the finance deputy's commitments only partly kept
    JsonNode leaderLines = new ObjectMapper().readTree(rest.get("office", "/engine-rest/task/" + performance.getId()
        + "/variables/leaderFulfilment?deserializeValue=false").json().path("value").asText());
    assertThat(leaderLines.findValuesAsText("report")).anyMatch(r -> r.contains("仍有个别事项办理偏慢"));
    List<Map<String, Object>> ratings = new ArrayList<>();
    leaderLines.forEach(l -> {
      Map<String, Object> line = new java.util.LinkedHashMap<>();
      l.fields().forEachRemaining(f -> line.put(f.getKey(), f.getValue().asText()));
      line.put("rating", l.path("leader").asText().equals("finance-deputy") ? "partly" : "fulfilled");
      ratings.add(line);
    });
    List<Map<String, Object>> tooMany = new ArrayList<>(scores);
    tooMany.add(Map.of("department", "dept-nowhere", "departmentName", "无", "criteria", "", "performanceScore", 100));
    var refused = rest.post("office", "/engine-rest/task/" + performance.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("performanceScores", tooMany, "leaderFulfilment", ratings)));
    List<Map<String, Object>> forged = new ArrayList<>(ratings);
    forged.removeIf(r -> r.get("leader").equals("finance-deputy"));
    var dropped = rest.post("office", "/engine-rest/task/" + performance.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("performanceScores", scores, "leaderFulfilment", forged)));
    assertThat(dropped.status()).isEqualTo(400);
    assertThat(dropped.body()).contains("「班子成员履诺评价」须为每个报告了履诺情况的班子成员各评一次");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「实绩评分」须为每个参评单位各评一次分");
    var unrated = rest.post("office", "/engine-rest/task/" + performance.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("performanceScores", scores, "leaderFulfilment",
            ratings.stream().map(r -> {
              Map<String, Object> copy = new java.util.LinkedHashMap<>(r);
              copy.put("rating", "");
              return copy;
            }).toList())));
    assertThat(unrated.status()).isEqualTo(400);
    assertThat(unrated.body()).contains("评价");
    var scored = rest.post("office", "/engine-rest/task/" + performance.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("performanceScores", scores, "leaderFulfilment", ratings)));
    assertThat(scored.status()).as(scored.body()).isEqualTo(204);
    driver.runJobs();

    // then: every unit scored (conduct and performance averaged), ranked within its category
    Task confirm = driver.tasks.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(confirm.getTaskDefinitionKey()).isEqualTo(AssessmentModel.CONFIRM_TASK);
    JsonNode rows = new ObjectMapper().readTree(rest.get("office", "/engine-rest/task/" + confirm.getId()
        + "/variables/assessmentRows?deserializeValue=false").json().path("value").asText());
    assertThat(rows.findValuesAsText("department")).containsExactlyInAnyOrderElementsOf(
        organization.departments().stream().map(Organization.Department::id).toList());
    Map<String, List<JsonNode>> byCategory = new HashMap<>();
    rows.forEach(r -> byCategory.computeIfAbsent(r.path("unitCategory").asText(), c -> new ArrayList<>()).add(r));
    byCategory.forEach((category, units) -> {
      assertThat(units).allMatch(u -> u.path("categorySize").asInt() == units.size());
      for (JsonNode a : units) {
        for (JsonNode b : units) {
          if (a.path("score").asInt() > b.path("score").asInt()) {
            assertThat(a.path("categoryRank").asInt()).as(category).isLessThan(b.path("categoryRank").asInt());
          }
        }
      }
    });
    JsonNode finance = rows.findParents("department").stream()
        .filter(r -> r.path("department").asText().equals("dept-finance")).findFirst().orElseThrow();
    assertThat(finance.path("performanceScore").asInt()).isEqualTo(95);
    assertThat(finance.path("leaderPenalty").asInt()).as("one leader rated 基本履行").isEqualTo(2);
    assertThat(finance.path("score").asInt())
        .isEqualTo((int) Math.round((finance.path("conductScore").asInt() + 95) / 2.0));
    assertThat(finance.path("disqualified").asBoolean()).isTrue();
    assertThat(finance.path("commended").asBoolean()).isFalse();
    assertThat(finance.path("supervisionCases").asInt()).isPositive();
    assertThat((String) driver.runtime.getVariable(instance, "disqualifiedUnits")).contains("县财政局");

    // when: the office confirms without ticking the box, then properly
    rest.post("office", "/engine-rest/task/" + confirm.getId() + "/claim", "{\"userId\":\"office\"}");
    var unconfirmed = rest.post("office", "/engine-rest/task/" + confirm.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("assessmentConfirmed", false, "accountabilityDecision", "")));
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("「审定结果无误，同意通报」须勾选");
    var confirmed = rest.post("office", "/engine-rest/task/" + confirm.getId() + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("assessmentConfirmed", true,
            "accountabilityDecision", "对列入问责单位的主要领导进行约谈，责令作出书面检查。")));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    driver.runJobs();

    // then: published once per year, circulated, printable and exported
    List<Map<String, Object>> published = new ArrayList<>();
    rest.get("office", "/campaign/api/assessments/" + YEAR).json()
        .forEach(r -> published
            .add(Map.of("department", r.path("department").asText(), "commended", r.path("commended").asBoolean())));
    assertThat(published).hasSize(organization.departments().size());
    assertThat(published.stream().filter(r -> r.get("department").equals("dept-finance")).findFirst().orElseThrow())
        .containsEntry("commended", false);
    String noticeUrl = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance)
        .variableName("noticeUrl").singleResult().getValue();
    var notice = rest.get("dongfeng-liaison", noticeUrl);
    assertThat(notice.status()).isEqualTo(200);
    assertThat(notice.body()).contains("年度作风建设考核评比结果的通报", "县财政局", "已取消评优资格");
    assertThat(rest.get("office", "/campaign/assessments/" + YEAR).body()).contains("县财政局", "导出 Excel");
    assertThat(rest.get("finance-liaison", "/campaign/assessments/" + YEAR).status()).isEqualTo(403);
    HttpResponse<byte[]> excel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/campaign/assessments/" + YEAR + ".xlsx"))
        .header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString("office:office".getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(excel.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.body()))) {
      List<String> units = new ArrayList<>();
      for (Row row : workbook.getSheetAt(0)) {
        units.add(row.getCell(2).getStringCellValue());
      }
      assertThat(units).contains("单位", "县财政局", "东风街道").hasSize(organization.departments().size() + 1);
    }
    var again = rest.post("office", "/engine-rest/process-definition/key/" + AssessmentModel.PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(Map.of("assessmentYear", YEAR)));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("「考核年度」" + YEAR + "年度的考核评比结果已经通报");
    assertThat(published.stream().map(r -> r.get("department")).collect(Collectors.toSet())).hasSize(published.size());
  }
}
