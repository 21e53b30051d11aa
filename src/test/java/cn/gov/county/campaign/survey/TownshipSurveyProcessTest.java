package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A township surveys its own sub-units (seed 004: 各乡镇要参照此做法对所属股、站、所、村(居)社区…开展
 * 作风建设满意度调查): its liaison starts the survey with the sub-units' counts, they are scored and
 * ranked within their kind as the county's units are, and the results go to the township to approve
 * and publish. County departments and other townships can neither start it for it nor see or work it.
 */
@CampaignIntegrationTest
class TownshipSurveyProcessTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  private CampaignDriver driver;
  private CampaignRest rest;
  private String code;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
    code = driver.launch("2026年乡镇作风建设活动", List.of());
    ClockUtil.setCurrentTime(SatisfactionSurveyProcessTest.at(LocalDate.of(2026, 9, 22), 10));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTownshipSurveysItsOwnSubUnitsAndApprovesAndPublishesTheResults() {
    ArrayNode rows = JSON.createArrayNode();
    row(rows, "城关镇财政所", "股站所", 80, 15, 5, 0);
    row(rows, "城关镇农业服务中心", "股站所", 50, 30, 20, 0);
    row(rows, "东街社区", "村(居)社区", 70, 20, 10, 0);
    row(rows, "西村", "村(居)社区", 60, 30, 10, 5);

    // a county department may not run a township's survey; neither may the office
    assertThat(start("finance-liaison", rows).status()).isEqualTo(403);
    var byOffice = start("office", rows);
    assertThat(byOffice.status()).isEqualTo(400);
    assertThat(byOffice.body()).contains("只有乡镇（街道）的联络员或主要负责人可以对本乡镇所属单位开展测评");
    // bad rows are refused with the row named
    ArrayNode bad = rows.deepCopy();
    ((ObjectNode) bad.get(3)).put("unitName", "东街社区");
    var refused = start("chengguan-liaison", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「所属单位测评票数」第4行：单位「东街社区」重复");
    assertThat(
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SurveyModel.TOWNSHIP_PROCESS)
            .processInstanceBusinessKey(code).count())
        .isZero();

    var started = start("chengguan-liaison", rows);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String survey = started.json().path("id").asText();

    // scored with the county's formula, ranked within each kind; the last of each kind is at the bottom
    JsonNode ranking = JsonVariables
        .toJson(engine.getRuntimeService().getVariableTyped(survey, SurveyModel.SUB_UNIT_RANKING, false));
    assertThat(ranking).extracting(r -> r.path("unitKind").asText() + " " + r.path("unitName").asText() + " "
        + r.path("score").asText() + " " + r.path("rank").asInt() + "/" + r.path("categorySize").asInt()
        + (r.path("inBottomPosition").asBoolean() ? " 后位" : ""))
        .containsExactly("股站所 城关镇财政所 89.00 1/2", "股站所 城关镇农业服务中心 68.00 2/2 后位",
            "村(居)社区 东街社区 82.00 1/2", "村(居)社区 西村 78.00 2/2 后位");

    // the results go to the township, not to the county office
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(survey).singleResult();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(SurveyModel.TOWNSHIP_APPROVAL_TASK);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("dept-chengguan");
    assertThat((String) engine.getTaskService().getVariable(approval.getId(), "surveyRankingTable"))
        .contains("| 股站所 | 城关镇农业服务中心 | 100 | 68.00 | 2/2 | **排名最后：由城关镇责成其10天内提出整改措施，限期整改** |");
    // another township and the county's departments neither see nor work it
    for (String outsider : List.of("dongfeng-liaison", "finance-liaison")) {
      assertThat(rest.get(outsider, "/engine-rest/task/" + approval.getId()).status()).as(outsider).isEqualTo(404);
      assertThat(rest.post(outsider, "/engine-rest/task/" + approval.getId() + "/claim",
          "{\"userId\":\"" + outsider + "\"}").status()).as(outsider).isIn(403, 404);
    }

    // the township approves and records the publication
    assertThat(rest.post("chengguan-liaison", "/engine-rest/task/" + approval.getId() + "/claim",
        "{\"userId\":\"chengguan-liaison\"}").status()).isEqualTo(204);
    var future = rest.post("chengguan-liaison", "/engine-rest/task/" + approval.getId() + "/submit-form",
        review("2026-09-30"));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("「公布日期」不能晚于今天");
    var approved = rest.post("chengguan-liaison", "/engine-rest/task/" + approval.getId() + "/submit-form",
        review("2026-09-22"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(survey).singleResult()
        .getEndActivityId()).isEqualTo(SurveyModel.TOWNSHIP_PUBLISHED_END);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(survey)
        .variableName(SurveyModel.MEDIUM).singleResult().getValue()).isEqualTo("镇政务公开栏");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(survey)
        .variableName(SurveyModel.TOWNSHIP).singleResult().getValue()).isEqualTo("dept-chengguan");
  }

  private CampaignRest.Reply start(String user, ArrayNode rows) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    variables.putObject("campaignCode").put("type", "String").put("value", code);
    variables.putObject("surveyRoundName").put("type", "String").put("value", "城关镇所属单位第一次作风建设满意度测评");
    variables.putObject("surveyDate").put("type", "String").put("value", "2026-09-21");
    variables.putObject("subUnitResults").put("type", "Json").put("value", rows.toString());
    return rest.post(user, "/engine-rest/process-definition/key/" + SurveyModel.TOWNSHIP_PROCESS + "/submit-form",
        root.toString());
  }

  private static String review(String date) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    variables.putObject("townshipDecision").put("type", "String")
        .put("value", "同意测评结果；农业服务中心、西村10天内提出整改措施，限期整改。");
    variables.putObject("publicationMedium").put("type", "String").put("value", "镇政务公开栏");
    variables.putObject("publicationDate").put("type", "String").put("value", date);
    return root.toString();
  }

  private static void row(ArrayNode rows, String name, String kind, int satisfied, int basically, int dissatisfied,
      int unknown) {
    rows.addObject().put("unitName", name).put("unitKind", kind).put("satisfied", satisfied)
        .put("basicallySatisfied", basically).put("dissatisfied", dissatisfied).put("unknown", unknown);
  }
}
