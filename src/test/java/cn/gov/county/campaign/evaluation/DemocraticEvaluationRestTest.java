package cn.gov.county.campaign.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The democratic evaluation as the office, the organization department, a department and an
 * auditor meet it: through /engine-rest and /campaign/api with the demo users, every start
 * checked against the start form on the server. Each test evaluates its own leader.
 */
@CampaignIntegrationTest
class DemocraticEvaluationRestTest {

  private static final String START = "/engine-rest/process-definition/key/" + EvaluationModel.PROCESS + "/start";
  private static final String API = "/campaign/api/democratic-evaluations";

  @LocalServerPort
  int port;

  @Autowired
  HistoryService historyService;

  @Autowired
  ProcessEngine engine;

  @Autowired
  Organization organization;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
  }

  private static Map<String, Object> form(String department, String leader, int year, int competent,
      int basicallyCompetent, int incompetent) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", "");
    form.put("department", department);
    form.put("leaderName", leader);
    form.put("leaderPost", "局长");
    form.put("evaluationYear", year);
    form.put("votesCompetent", competent);
    form.put("votesBasicallyCompetent", basicallyCompetent);
    form.put("votesIncompetent", incompetent);
    return form;
  }

  private String start(Map<String, Object> form) {
    var reply = rest.post("office", START, CampaignRest.variables(form));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("id").asText();
  }

  private long recordsOf(String leader) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(EvaluationModel.PROCESS)
        .variableValueEquals(EvaluationModel.LEADER_NAME, leader).count();
  }

  private JsonNode tasksOf(String user, String processInstanceId) {
    var reply = rest.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode recordOf(String user, String department, int year, String leader) {
    var reply = rest.get(user, API + "?department=" + department + "&year=" + year);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return StreamSupport.stream(reply.json().spliterator(), false)
        .filter(r -> r.path("leaderName").asText().equals(leader)).findFirst().orElseThrow();
  }

  private JsonNode variable(String user, String taskId, String name) {
    var reply = rest.get(user, "/engine-rest/task/" + taskId + "/variables/" + name);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("value");
  }

  @Test
  void shouldFlagALeaderAtExactlyOneThird_andTheOrganizationDepartmentRecordsItsDecision() {
    // given: 10 of 30 votes 基本称职 or 不称职, exactly one third
    String instance = start(form("dept-finance", "王建国", 2025, 20, 8, 2));

    // then: a task for the organization department, not for the department
    JsonNode tasks = tasksOf("orgdept", instance);
    assertThat(tasks).hasSize(1);
    JsonNode task = tasks.get(0);
    assertThat(task.path("name").asText()).isEqualTo("研判民主测评结果");
    assertThat(task.path("due").isNull()).as("due date").isFalse();
    assertThat(tasksOf("finance-liaison", instance)).isEmpty();
    assertThat(tasksOf("finance-head", instance)).isEmpty();
    String taskId = task.path("id").asText();
    var identityLinks = rest.get("orgdept", "/engine-rest/task/" + taskId + "/identity-links").json();
    assertThat(identityLinks.findValuesAsText("groupId")).containsExactly("organization-dept");
    // what the review form shows
    assertThat(variable("orgdept", taskId, "flagReason").asText()).isEqualTo("基本称职和不称职票合计达到三分之一");
    assertThat(variable("orgdept", taskId, "votesSummary").asText()).isEqualTo("称职 20 票，基本称职 8 票，不称职 2 票，共 30 票");
    assertThat(variable("orgdept", taskId, "basicOrIncompetentShareText").asText()).isEqualTo("10 票 / 30 票（33.33%）");
    assertThat(variable("orgdept", taskId, "previousYearText").asText()).isEqualTo("2024 年度无民主测评记录");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).isEqualTo("民主测评-2025");

    // when: the organization department decides; a department cannot
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + taskId + "/complete", CampaignRest.variables(Map.of(
        "handlingDecision", "noOrganizationalHandling", "handlingOpinion", "部门自行处理即可。"))).status())
        .isIn(403, 404);
    assertThat(rest.post("orgdept", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"orgdept\"}").status())
        .isEqualTo(204);
    var missingOpinion = rest.post("orgdept", "/engine-rest/task/" + taskId + "/complete",
        CampaignRest.variables(Map.of("handlingDecision", "admonishmentTalk")));
    assertThat(missingOpinion.status()).isEqualTo(400);
    assertThat(missingOpinion.json().path("message").asText()).contains("「研判意见和理由」为必填项");
    var completed = rest.post("orgdept", "/engine-rest/task/" + taskId + "/complete", CampaignRest.variables(Map.of(
        "handlingDecision", "admonishmentTalk", "handlingOpinion", "基本称职和不称职票达到三分之一，由县委组织部对其进行诫勉谈话。")));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);

    // then: the record in history, as an auditor reads it
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndActivityId()).isEqualTo(EvaluationModel.FLAG_REVIEWED_END);
    JsonNode record = recordOf("auditor", "dept-finance", 2025, "王建国");
    assertThat(record.path("departmentName").asText()).isEqualTo("县财政局");
    assertThat(record.path("leaderPost").asText()).isEqualTo("局长");
    assertThat(record.path("votesTotal").asInt()).isEqualTo(30);
    assertThat(record.path("basicOrIncompetentShare").decimalValue()).isEqualByComparingTo("33.33");
    assertThat(record.path("incompetentShare").decimalValue()).isEqualByComparingTo("6.67");
    assertThat(record.path("previousYearIncompetentShare").isNull()).isTrue();
    assertThat(record.path("flagged").asBoolean()).isTrue();
    assertThat(record.path("flagReason").asText()).isEqualTo("基本称职和不称职票合计达到三分之一");
    assertThat(record.path("status").asText()).isEqualTo("已研判");
    assertThat(record.path("handlingDecision").asText()).isEqualTo("admonishmentTalk");
    assertThat(record.path("handlingDecisionLabel").asText()).isEqualTo("诫勉谈话");
    assertThat(record.path("handlingOpinion").asText()).contains("诫勉谈话");
    assertThat(record.path("decidedBy").asText()).isEqualTo("orgdept");
    assertThat(record.path("decidedAt").isNull()).isFalse();
    assertThat(record.path("recordedBy").asText()).isEqualTo("office");
    var variables = rest.get("auditor", "/engine-rest/history/variable-instance?processInstanceId=" + instance
        + "&variableName=handlingDecision");
    assertThat(variables.json().findValuesAsText("value")).containsExactly("admonishmentTalk");
    var all = rest.get("auditor", "/engine-rest/history/variable-instance?processInstanceId=" + instance).json();
    assertThat(all.findValuesAsText("name")).as("the decision result is not kept as a variable")
        .contains("flagged", "flagReason", "handledBy", "handledAt").doesNotContain("decisionResult");
    assertThat(all.findValuesAsText("type")).as("no Java-serialized variables").doesNotContain("Object");
  }

  /** As the year-end assessment publishes it: the unit's grade of the year. */
  private void yearEndGrade(String department, int year, String grade) {
    jdbc.update(
        "INSERT INTO campaign_annual_assessment (assessment_year, department, department_name, unit_category, score,"
            + " grade, category_rank, category_size, verified_complaints, escalations, supervision_cases, late_tasks,"
            + " disqualified, commended, accountable, process_instance_id, confirmed_by, published_at)"
            + " VALUES (?, ?, ?, '党群部门', 50, ?, 1, 2, 0, 0, 0, 0, FALSE, FALSE, FALSE, 'test', 'office', CURRENT_TIMESTAMP)",
        year, department, department, grade);
  }

  private String headOf(String department) {
    return organization.department(department).orElseThrow().head().name();
  }

  @Test
  void shouldFlagTheUnitHeadWhoseUnitWasAssessedPoor_butNotAnotherLeaderOfTheUnit() {
    // given: 县总工会's year-end assessment of 2024 was 差; its leaders' votes are all 称职
    yearEndGrade("dept-union", 2024, "poor");

    // when
    String head = start(form("dept-union", headOf("dept-union"), 2024, 30, 0, 0));
    String deputy = start(form("dept-union", "钱卫国", 2024, 30, 0, 0));

    // then: the unit head answers for the unit (seed 000, item 12); the deputy does not
    JsonNode flagged = recordOf("orgdept", "dept-union", 2024, headOf("dept-union"));
    assertThat(flagged.path("flagged").asBoolean()).isTrue();
    assertThat(flagged.path("flagReason").asText()).isEqualTo("单位年度考核为差");
    assertThat(tasksOf("orgdept", head)).hasSize(1);
    assertThat(recordOf("orgdept", "dept-union", 2024, "钱卫国").path("flagged").asBoolean()).isFalse();
    assertThat(tasksOf("orgdept", deputy)).isEmpty();
  }

  @Test
  void shouldFlagTheUnitHeadAfterTwoYearsAssessedFair_notAfterOne() {
    yearEndGrade("dept-education", 2022, "fair");
    yearEndGrade("dept-education", 2023, "fair");
    yearEndGrade("dept-chengguan", 2023, "fair");

    start(form("dept-education", headOf("dept-education"), 2023, 30, 0, 0));
    start(form("dept-chengguan", headOf("dept-chengguan"), 2023, 30, 0, 0));

    assertThat(recordOf("orgdept", "dept-education", 2023, headOf("dept-education")).path("flagReason").asText())
        .isEqualTo("单位连续两年年度考核为一般");
    assertThat(recordOf("orgdept", "dept-chengguan", 2023, headOf("dept-chengguan")).path("flagged").asBoolean())
        .isFalse();
  }

  @Test
  void shouldNotFlagTenOfThirtyOneVotes_andEndWithoutATask() {
    // when: 10 of 31 votes, less than one third
    String instance = start(form("dept-market", "陈立新", 2025, 21, 8, 2));

    // then
    assertThat(tasksOf("orgdept", instance)).isEmpty();
    assertThat(tasksOf("office", instance)).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndActivityId()).isEqualTo(EvaluationModel.NOT_FLAGGED_END);
    JsonNode record = recordOf("orgdept", "dept-market", 2025, "陈立新");
    assertThat(record.path("flagged").asBoolean()).isFalse();
    assertThat(record.path("status").asText()).isEqualTo("未触发处理条件");
    assertThat(record.path("basicOrIncompetentShare").decimalValue()).isEqualByComparingTo("32.26");
  }

  @Test
  void shouldFlagTwentyPercentIncompetentInTheSecondConsecutiveYear_fromLastYearsRecordInHistory() {
    // given: 2023 with 20% 不称职 and no record for 2022 → not flagged
    String first = start(form("dept-education", "刘卫东", 2023, 80, 0, 20));
    assertThat(tasksOf("orgdept", first)).isEmpty();
    // and another leader of the same unit with 20% only this year
    String other = start(form("dept-education", "周海燕", 2024, 40, 0, 10));
    assertThat(tasksOf("orgdept", other)).isEmpty();

    // when: 2024 again at 20% for the same leader
    String second = start(form("dept-education", "刘卫东", 2024, 40, 0, 10));

    // then
    JsonNode tasks = tasksOf("orgdept", second);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    assertThat(variable("orgdept", taskId, "flagReason").asText()).isEqualTo("连续两年不称职票达到20%");
    assertThat(variable("orgdept", taskId, "previousYearText").asText())
        .isEqualTo("2023 年度不称职 20 票 / 100 票（20.00%）");
    JsonNode record = recordOf("inspector", "dept-education", 2024, "刘卫东");
    assertThat(record.path("status").asText()).isEqualTo("待组织部研判");
    assertThat(record.path("previousYearIncompetentShare").decimalValue()).isEqualByComparingTo("20.00");
  }

  /** Launches a campaign in which only the trade union takes part; answers its code. */
  private String campaignOfTheTradeUnionAlone(String name) {
    List<String> allButTheUnion = organization.departments().stream().map(Organization.Department::id)
        .filter(id -> !id.equals("dept-union")).toList();
    return new CampaignDriver(engine).launch(name, allButTheUnion);
  }

  @Test
  void theDepartmentsOwnRecordLeavesOutTheEvaluationOfItsLeaders() {
    // given: a campaign of the trade union alone, and its chairman flagged by the democratic evaluation
    String code = campaignOfTheTradeUnionAlone("民主测评档案测试活动");
    Map<String, Object> form = form("dept-union", "钱卫国", 2025, 20, 8, 2);
    form.put("campaignCode", code);
    start(form);
    String record = "/campaign/api/campaigns/" + code + "/departments/dept-union/record";
    String page = "/campaign/campaigns/" + code + "/departments/dept-union";

    // when
    var officeReads = rest.get("office", record);
    var departmentReads = rest.get("union-liaison", record);
    var headReadsPage = rest.get("union-head", page);

    // then: the working bodies see the votes; the department sees its record without them
    assertThat(officeReads.json().path("democraticEvaluations").findValuesAsText("leaderName")).containsExactly("钱卫国");
    assertThat(departmentReads.status()).isEqualTo(200);
    assertThat(departmentReads.json().path("department").asText()).isEqualTo("dept-union");
    assertThat(departmentReads.json().path("democraticEvaluations").isNull()).isTrue();
    assertThat(departmentReads.body()).doesNotContain("钱卫国");
    assertThat(headReadsPage.status()).isEqualTo(200);
    assertThat(headReadsPage.body()).contains("整改成效评定").doesNotContain("钱卫国", "领导干部民主测评");
  }

  @Test
  void shouldUseTheCampaignCodeAsBusinessKey_whenTheRecordBelongsToACampaign() {
    // given
    String code = campaignOfTheTradeUnionAlone("民主测评测试活动");
    Map<String, Object> form = form("dept-union", "赵国强", 2025, 30, 0, 0);
    form.put("campaignCode", code);

    // when
    String instance = start(form);

    // then
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).isEqualTo(code);
    var reply = rest.get("office", API + "?campaignCode=" + code);
    assertThat(reply.json().findValuesAsText("leaderName")).containsExactly("赵国强");
  }

  @Test
  void shouldRefuseANegativeOrFractionalCount_withoutStartingAnything() {
    // given
    Map<String, Object> form = form("dept-finance", "孙志强", 2025, 20, 8, -1);
    form.put("votesCompetent", 20.5);

    // when
    var reply = rest.post("office", START, CampaignRest.variables(form));

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("「称职票数」应为整数", "「不称职票数」不能小于 0");
    assertThat(reply.json().path("violations").findValuesAsText("field"))
        .containsExactly("votesCompetent", "votesIncompetent");
    assertThat(recordsOf("孙志强")).isZero();
  }

  @Test
  void shouldRefuseASecondRecordForTheSameLeaderAndYear() {
    // given
    start(form("dept-chengguan", "高志远", 2025, 30, 0, 0));

    // when: the same leader and year again, with blanks around the name
    var reply = rest.post("office", START, CampaignRest.variables(form("dept-chengguan", " 高志远 ", 2025, 10, 10, 10)));

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText())
        .contains("「领导干部姓名」高志远（城关镇）2025 年度已有民主测评记录，不能重复录入");
    assertThat(reply.json().path("violations").findValuesAsText("field")).containsExactly("leaderName");
    assertThat(recordsOf("高志远") + recordsOf(" 高志远 ")).isEqualTo(1);
    // another year, or the same name in another unit, is a record of its own
    start(form("dept-chengguan", "高志远", 2024, 30, 0, 0));
    start(form("dept-dongfeng", "高志远", 2025, 30, 0, 0));
  }

  @Test
  void shouldRefuseWhatTheFormsSchemaCannotSay() {
    // given: no votes at all, a future year, a campaign that does not exist
    Map<String, Object> form = form("dept-devreform", "钱文华", 2099, 0, 0, 0);
    form.put("campaignCode", "ZG-2026-NONE");

    // when
    var reply = rest.post("office", START, CampaignRest.variables(form));

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("violations").findValuesAsText("field"))
        .containsExactly("campaignCode", "evaluationYear", "votesCompetent");
    assertThat(reply.json().path("message").asText()).contains(
        "「所属整改活动编号」ZG-2026-NONE 不是正在进行或已结束的整改活动",
        "「测评年度」不能晚于今年",
        "合计为 0，请填写实际测评票数");
    assertThat(recordsOf("钱文华")).isZero();
  }

  @Test
  void shouldRefuseAnUnknownDepartment() {
    // when
    var reply = rest.post("office", START, CampaignRest.variables(form("dept-nowhere", "吴明", 2025, 30, 0, 0)));

    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("「所在单位」的取值“dept-nowhere”不是可选项之一");
    assertThat(recordsOf("吴明")).isZero();
  }

  @Test
  void onlyTheOfficeRecordsVotes_auditorsAndDepartmentsCannotStart() {
    Map<String, Object> form = form("dept-taxation", "郑国华", 2025, 30, 0, 0);
    assertThat(rest.post("auditor", START, CampaignRest.variables(form)).status()).isEqualTo(403);
    assertThat(rest.post("taxation-liaison", START, CampaignRest.variables(form)).status()).isIn(403, 404);
    assertThat(rest.post("orgdept", START, CampaignRest.variables(form)).status()).isIn(403, 404);
    assertThat(recordsOf("郑国华")).isZero();
  }

  @Test
  void theRecordsAreReadByTheOfficeOrganizationDisciplineAndAuditors_notByDepartments() {
    for (String reader : List.of("office", "orgdept", "inspector", "auditor", "admin")) {
      assertThat(rest.get(reader, API).status()).as(reader).isEqualTo(200);
    }
    var refused = rest.get("finance-liaison", API + "?department=dept-finance");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("民主测评结果仅限领导小组办公室、组织部、纪检监察机关和审计人员查看。");
    assertThat(rest.get("finance-head", API).status()).isEqualTo(403);
    assertThat(rest.get(null, API).status()).isEqualTo(401);
  }
}
