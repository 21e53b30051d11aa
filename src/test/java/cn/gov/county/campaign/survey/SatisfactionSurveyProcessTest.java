package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two survey rounds of one campaign, worked as the office works them: start the round with the
 * start form, upload the filled sheet (a bad one is refused whole), review the ranking and confirm
 * the proposed consequences; then what the consequences start. Everything goes through the REST
 * API and the upload endpoint, so the server-side form rules run.
 */
@CampaignIntegrationTest
class SatisfactionSurveyProcessTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEADER = "部门编码,部门名称,单位类别,满意,基本满意,不满意,不了解\n";
  /**
   * Government functional: 发改 89, 市场监管 82, 教育 78 (8 不满意), 财政 78 (10 不满意) → 财政 last,
   * 教育 second from the bottom; party and mass: 宣传 96, 工会 74 → 工会 last; vertically managed:
   * 税务 85, 气象 70 → 气象 last; the townships were not surveyed.
   */
  static final String RESULTS = HEADER
      + "dept-propaganda,县委宣传部,党群部门,90,10,0,3\n"
      + "dept-union,县总工会,党群部门,50,40,10,40\n"
      + "dept-devreform,县发展和改革局,政府职能部门,80,15,5,10\n"
      + "dept-finance,县财政局,政府职能部门,60,30,10,5\n"
      + "dept-market,县市场监督管理局,政府职能部门,70,20,10,0\n"
      + "dept-education,县教育局,政府职能部门,57,35,8,0\n"
      + "dept-taxation,国家税务总局示范县税务局,垂直管理部门,75,25,0,0\n"
      + "dept-meteorology,县气象局,垂直管理部门,40,50,10,2\n"
      + "dept-chengguan,城关镇,乡镇(街道),,,,\n";

  @Autowired
  ProcessEngine engine;

  @Autowired
  Notices notices;

  @LocalServerPort
  int port;

  private CampaignDriver driver;
  private CampaignRest rest;
  private String code;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
    code = driver.launch("2026年机关作风建设活动", List.of());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aGovernmentDepartmentSecondFromTheBottomGetsAnAdmonishmentTalkAndTenWorkingDaysOnceTheOfficeConfirms() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    String round = startRound("第二次作风建设满意度测评", "2026-09-21");
    String entryTask = openTask(round, "UserTask_EnterSurveyResults").getId();

    // the template lists the campaign's departments for the office to fill in
    var template = rest.get("office", "/campaign/api/surveys/entry/" + entryTask + "/template.csv");
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.body()).startsWith("\uFEFF" + HEADER.trim()).contains("dept-education,县教育局,政府职能部门,,,,");

    // a sheet with a bad row is refused whole, naming the row and column, and nothing is taken
    var refused = upload("office", entryTask, "结果.csv", RESULTS.replace("57,35,8,0", "57,35,八,0"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「结果.csv」未导入").contains("第7行第F列「不满意」：应为 0 到 1000000 之间的整数票数，实际为「八」");
    assertThat(openTask(round, "UserTask_EnterSurveyResults").getId()).isEqualTo(entryTask);
    assertThat(JsonVariables.toJson(engine.getRuntimeService().getVariableTyped(round, "surveyResults", false)).get(0)
        .path("satisfied").isNull()).isTrue();
    // someone who is not the office cannot upload
    assertThat(upload("finance-liaison", entryTask, "结果.csv", RESULTS).status()).isEqualTo(404);

    var taken = upload("office", entryTask, "结果.csv", RESULTS);
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.body()).contains("已导入 8 个单位的测评票数");
    driver.runJobs();

    // ranked and proposed, but nothing starts before the office confirms
    Task review = openTask(round, "UserTask_ConfirmConsequences");
    JsonNode proposed = json(round, "proposedConsequences");
    assertThat(proposed).extracting(p -> p.path("departmentName").asText() + "：" + p.path("consequence").asText())
        .containsExactly("县总工会：ADMONISHMENT_TALK", "县教育局：ADMONISHMENT_TALK", "县财政局：ADMONISHMENT_TALK");
    assertThat(proposed.get(1).path("placeText").asText()).isEqualTo("政府职能部门第3名（共4个，倒数第2），得分78.00，本次活动第1次排名后位");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("SupervisoryEscalationProcess")
        .processInstanceBusinessKey(code).count()).isZero();
    assertThat((String) engine.getRuntimeService().getVariable(round, "surveyRankingTable"))
        .contains("| 政府职能部门 | 县教育局 | 100 | 78.00 | 3/4 | 2 | **对主要领导诫勉谈话，限期整改（10天内提出整改措施），公开承诺** |")
        .contains("| 垂直管理部门 | 县气象局 | 100 | 70.00 | 2/2 | 1 | 垂直管理部门最后一名；第一次最后一名：结果报主管部门，暂不提出措施 |");

    // not starting one needs a reason
    var noReason = submit("office", review, Map.of("proposedConsequences", decide(proposed,
        Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "confirm"), Map.of())));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("第1项（县总工会）不予启动的，须填写「理由」");
    var confirmed = submit("office", review, Map.of("proposedConsequences", decide(proposed,
        Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "confirm"),
        Map.of("dept-union", "测评样本中服务对象不足，经联席会议审定暂不启动"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    driver.runJobs();

    // the admonishment talk is now discipline inspection's task, drafted from the survey result
    Task talk = ladderTask("dept-education", "UserTask_HoldAdmonishmentTalk");
    assertThat(engine.getTaskService().getIdentityLinksForTask(talk.getId())).anyMatch(l -> "discipline-inspection".equals(l.getGroupId()));
    assertThat((String) engine.getTaskService().getVariable(talk.getId(), "noticeBody"))
        .startsWith("在「2026年机关作风建设活动」第二次作风建设满意度测评中，县教育局满意度得分78.00分，在政府职能部门中排名倒数第2位（共4个单位），属政府职能部门排名后二位。")
        .contains("10天内提出整改措施");
    ladderTask("dept-finance", "UserTask_HoldAdmonishmentTalk");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("SupervisoryEscalationProcess")
        .processInstanceBusinessKey(code).variableValueEquals("department", "dept-union").count())
        .as("rejected: nothing started").isZero();

    // the rectification deadline: measures within seed 004's "10天" of 2026-09-22, i.e. 2026-10-02, a
    // day of the National Day holiday, so the first working day after it
    Date tenDays = endOf(LocalDate.of(2026, 10, 8));
    Task measures = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("UserTask_DefineMeasure").processVariableValueEquals("department", "dept-education").singleResult();
    assertThat(measures.getDueDate()).isEqualTo(tenDays);
    assertThat((String) engine.getTaskService().getVariable(measures.getId(), "sourceLabel")).isEqualTo("满意度测评");
    Task commitment = openTask(round, "UserTask_MakePublicCommitment", "dept-education");
    assertThat(commitment.getDueDate()).isEqualTo(tenDays);
    // the department's task holds the department's own data only: not the round's counts, places or reasons
    assertThat(commitment.getProcessInstanceId()).isNotEqualTo(round);
    for (String read : List.of("/variables", "/form-variables")) {
      var visible = rest.get("education-liaison", "/engine-rest/task/" + commitment.getId() + read);
      assertThat(visible.status()).isEqualTo(200);
      assertThat(visible.json().fieldNames()).toIterable()
          .isSubsetOf("campaignCode", "campaignName", "department", "departmentName", "surveyFacts", "problemCode",
              "commitmentText", "publicationChannel", "publishedOn")
          .contains("surveyFacts");
      assertThat(visible.body()).doesNotContain(SurveyModel.RESULTS, SurveyModel.RANKING, SurveyModel.PROPOSED,
          "县气象局", "不予启动");
    }
    assertThat(rest.get("education-liaison", "/engine-rest/process-instance/" + round + "/variables").status()).isEqualTo(403);

    // discipline inspection holds the talk; the notice is numbered and the ladder ends there
    var held = submit("inspector", talk, Map.of("escalationDecision", "issue", "talkDate", "2026-09-24",
        "noticeTitle", engine.getTaskService().getVariable(talk.getId(), "noticeTitle"),
        "noticeBody", engine.getTaskService().getVariable(talk.getId(), "noticeBody") + "\n本人表示接受批评，立即整改。",
        "selfCriticismRequired", false));
    assertThat(held.status()).as(held.body()).isEqualTo(204);
    driver.runJobs();
    List<IssuedNotice> issued = notices.ofCampaign(code, "dept-education");
    assertThat(issued).filteredOn(n -> n.kind() == NoticeKind.ADMONISHMENT_TALK && "dept-education".equals(n.department()))
        .singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("关于对县教育局主要负责人许文博同志进行诫勉谈话的记录"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("SupervisoryEscalationProcess")
        .processInstanceBusinessKey(code).variableValueEquals("department", "dept-education").finished().singleResult()
        .getEndActivityId())
        .isEqualTo("EndEvent_SurveyConsequenceApplied");

    // the department makes its public commitment
    var committed = submit("education-liaison", commitment, Map.of("commitmentText", "一个月内整改窗口服务问题，实行首问负责、限时办结，接受社会监督。",
        "publicationChannel", "县政府网站", "publishedOn", "2026-09-25"));
    assertThat(committed.status()).as(committed.body()).isEqualTo(204);

    // the published ranking: the office and auditors read all of it, a department its own rows
    assertThat(rest.get("auditor", "/campaign/surveys/" + round).body()).contains("县教育局").contains("确认启动")
        .contains("不予启动：测评样本中服务对象不足");
    assertThat(rest.get("education-liaison", "/campaign/surveys/" + round).status()).isEqualTo(403);
    JsonNode own = rest.get("education-liaison", "/campaign/api/surveys?campaignCode=" + code).json();
    assertThat(own.get(0).path("ranking")).extracting(r -> r.path("department").asText()).containsExactly("dept-education");
  }

  @Test
  void twiceAtTheBottomRecommendsOrganizationalHandlingAndAVerticalUnitIsReportedToItsSuperior() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    String second = startRound("第二次作风建设满意度测评", "2026-09-21");
    assertThat(upload("office", openTask(second, "UserTask_EnterSurveyResults").getId(), "结果.csv", RESULTS).status()).isEqualTo(200);
    driver.runJobs();
    // the office confirms nothing this time: the positions still count
    rejectAll(second);

    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 11, 17), 10));
    String third = startRound("第三次作风建设满意度测评", "2026-11-16");
    assertThat(upload("office", openTask(third, "UserTask_EnterSurveyResults").getId(), "结果.csv", RESULTS).status()).isEqualTo(200);
    driver.runJobs();

    JsonNode proposed = json(third, "proposedConsequences");
    assertThat(proposed).extracting(p -> p.path("departmentName").asText() + "：" + p.path("consequence").asText()
            + "（第" + p.path("timesInBottomPosition").asInt() + "次）")
        .containsExactly("县总工会：ORGANIZATIONAL_HANDLING（第2次）", "县教育局：ORGANIZATIONAL_HANDLING（第2次）",
            "县财政局：ORGANIZATIONAL_HANDLING（第2次）", "县气象局：REPORT_TO_SUPERIOR（第2次）");
    var confirmed = submit("office", openTask(third, "UserTask_ConfirmConsequences"), Map.of("proposedConsequences",
        decide(proposed, Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "reject",
            "dept-meteorology", "confirm"), Map.of("dept-union", "另案处理", "dept-finance", "另案处理"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    driver.runJobs();

    Task handling = ladderTask("dept-education", "UserTask_RecommendOrganizationalHandling");
    assertThat(engine.getTaskService().getIdentityLinksForTask(handling.getId())).anyMatch(l -> "organization-dept".equals(l.getGroupId()));
    assertThat((String) engine.getTaskService().getVariable(handling.getId(), "noticeBody"))
        .contains("是本次活动中第2次排名后位").contains("建议对县教育局主要负责人许文博同志及相关责任人进行组织处理");
    Task report = ladderTask("dept-meteorology", "UserTask_ReportToSuperior");
    assertThat(engine.getTaskService().getVariable(report.getId(), "noticeAddressee")).isEqualTo("某市气象局");
    // organizational handling and the report start no rectification item of their own
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("UserTask_MakePublicCommitment").count()).isZero();
  }

  @Test
  void aRoundIsStartedOnlyForARunningCampaignWithAPastDate() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    var unknown = rest.post("office", "/engine-rest/process-definition/key/SatisfactionSurveyProcess/submit-form",
        CampaignRest.variables(roundForm("ZG-2026-NONE", "第一次测评", "2026-09-21")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("「活动编号」ZG-2026-NONE 不是正在进行的整改活动");
    var future = rest.post("office", "/engine-rest/process-definition/key/SatisfactionSurveyProcess/submit-form",
        CampaignRest.variables(roundForm(code, "第一次测评", "2026-09-30")));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("「测评日期」不能晚于今天");
    var auditor = rest.post("auditor", "/engine-rest/process-definition/key/SatisfactionSurveyProcess/submit-form",
        CampaignRest.variables(roundForm(code, "第一次测评", "2026-09-21")));
    assertThat(auditor.status()).isIn(401, 403);
    for (String campaignCode : List.of(code, "ZG-2026-NONE")) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("SatisfactionSurveyProcess")
          .variableValueEquals("campaignCode", campaignCode).count()).as("rounds started for " + campaignCode).isZero();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String startRound(String name, String date) {
    var started = rest.post("office", "/engine-rest/process-definition/key/SatisfactionSurveyProcess/submit-form",
        CampaignRest.variables(roundForm(code, name, date)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  private static Map<String, Object> roundForm(String campaignCode, String name, String date) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", campaignCode);
    form.put("surveyRoundName", name);
    form.put("surveyDate", date);
    form.put("surveyScale", "standard");
    form.put("countsForConsequences", true);
    return form;
  }

  private void rejectAll(String round) {
    JsonNode proposed = json(round, "proposedConsequences");
    Map<String, String> decisions = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    proposed.forEach(p -> {
      decisions.put(p.path("department").asText(), "reject");
      reasons.put(p.path("department").asText(), "经联席会议审定暂不启动");
    });
    var reply = submit("office", openTask(round, "UserTask_ConfirmConsequences"), Map.of("proposedConsequences",
        decide(proposed, decisions, reasons)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    driver.runJobs();
  }

  private static ArrayNode decide(JsonNode proposed, Map<String, String> decisions, Map<String, String> reasons) {
    ArrayNode rows = proposed.deepCopy();
    rows.forEach(row -> ((ObjectNode) row).put("decision", decisions.get(row.path("department").asText()))
        .put("reason", reasons.get(row.path("department").asText())));
    return rows;
  }

  private JsonNode json(String processInstanceId, String variable) {
    return JsonVariables.toJson(engine.getRuntimeService().getVariableTyped(processInstanceId, variable, false));
  }

  private Task openTask(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  /** The department's task in the round or in a process the round called for it. */
  private Task openTask(String processInstanceId, String key, String department) {
    List<String> instances = new java.util.ArrayList<>(List.of(processInstanceId));
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
        .forEach(called -> instances.add(called.getId()));
    return engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .taskDefinitionKey(key).taskCandidateGroup(department).singleResult();
  }

  private Task ladderTask(String department, String key) {
    ProcessInstance ladder = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("SupervisoryEscalationProcess").processInstanceBusinessKey(code)
        .variableValueEquals("department", department).singleResult();
    assertThat(ladder).as("ladder of " + department).isNotNull();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private CampaignRest.Reply submit(String user, Task task, Map<String, Object> values) {
    if (engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
      assertThat(rest.post(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").status())
          .isEqualTo(204);
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode dto = variables.putObject(name);
      if (value instanceof JsonNode node) {
        dto.put("type", "Json").put("value", node.toString());
      } else if (value instanceof Boolean b) {
        dto.put("type", "Boolean").put("value", b);
      } else {
        dto.put("type", "String").put("value", String.valueOf(value));
      }
    });
    return rest.post(user, "/engine-rest/task/" + task.getId() + "/submit-form", root.toString());
  }

  /** A multipart upload as the office's page sends it, with HTTP Basic instead of the session. */
  private CampaignRest.Reply upload(String user, String taskId, String fileName, String csv) {
    return rest.multipart(user, "/campaign/api/surveys/entry/" + taskId, Map.of(), "file", fileName, "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(CampaignDates.CHINA).toInstant());
  }

  static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(CampaignDates.CHINA).toInstant());
  }
}
