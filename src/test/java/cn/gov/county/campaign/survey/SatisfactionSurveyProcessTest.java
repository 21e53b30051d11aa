package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.EscalationModel;
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
 * The survey rounds of one campaign, worked as the office works them (seed 004): start the round
 * with the start form, upload the filled sheet (a bad one is refused whole); round 1 (作风问计) is
 * reviewed by the office and every surveyed unit proposes measures within 10 days, which are
 * published; rounds 2 and 3 wait for the joint meeting (联席会议审定), which confirms the proposed
 * consequences, then the publication in the media is recorded and the consequences start. After
 * every round the vertically managed units are reported to their superiors. Everything goes
 * through the REST API and the upload endpoint, so the server-side form rules run.
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
  void aGovernmentDepartmentSecondFromTheBottomGetsAnAdmonishmentTalkAndTenDaysOnceTheJointMeetingConfirms() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    startRound("第一次作风建设满意度测评（作风问计）", "2026-09-01", false);
    String round = startRound("第二次作风建设满意度测评", "2026-09-21", true);
    String entryTask = openTask(round, SurveyModel.ENTRY_TASK).getId();

    // the template lists the campaign's departments for the office to fill in
    var template = rest.get("office", "/campaign/api/surveys/entry/" + entryTask + "/template.csv");
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.body()).startsWith("\uFEFF" + HEADER.trim()).contains("dept-education,县教育局,政府职能部门,,,,");

    // a sheet with a bad row is refused whole, naming the row and column, and nothing is taken
    var refused = upload("office", entryTask, "结果.csv", RESULTS.replace("57,35,8,0", "57,35,八,0"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「结果.csv」未导入").contains("第7行第F列「不满意」：应为 0 到 1000000 之间的整数票数，实际为「八」");
    assertThat(openTask(round, SurveyModel.ENTRY_TASK).getId()).isEqualTo(entryTask);
    assertThat(
        JsonVariables.toJson(engine.getRuntimeService().getVariableTyped(round, SurveyModel.RESULTS, false)).get(0)
            .path("satisfied").isNull())
        .isTrue();
    // someone who is not the office cannot upload
    assertThat(upload("finance-liaison", entryTask, "结果.csv", RESULTS).status()).isEqualTo(404);

    var taken = upload("office", entryTask, "结果.csv", RESULTS);
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.body()).contains("已导入 8 个单位的测评票数");
    driver.runJobs();

    // ranked and proposed, but nothing starts before the office confirms
    Task review = openTask(round, SurveyModel.CONFIRM_CONSEQUENCES_TASK);
    JsonNode proposed = json(round, "proposedConsequences");
    assertThat(proposed).extracting(p -> p.path("departmentName").asText() + "：" + p.path("consequence").asText())
        .containsExactly("县总工会：ADMONISHMENT_TALK", "县教育局：ADMONISHMENT_TALK", "县财政局：ADMONISHMENT_TALK");
    assertThat(proposed.get(1).path("placeText").asText()).isEqualTo("政府职能部门第3名（共4个，倒数第2），得分78.00，本次活动第1次排名后位");
    assertThat(
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
            .processInstanceBusinessKey(code).count())
        .isZero();
    assertThat((String) engine.getRuntimeService().getVariable(round, "surveyRankingTable"))
        .contains("| 政府职能部门 | 县教育局 | 100 | 78.00 | 3/4 | 2 | **对主要领导诫勉谈话，限期整改（10天内提出整改措施），公开承诺** |")
        .contains("| 垂直管理部门 | 县气象局 | 100 | 70.00 | 2/2 | 1 | 垂直管理部门最后一名；第一次最后一名：结果报主管部门，暂不提出措施 |");

    // not starting one needs a reason
    var noReason = submit("leader", review, jointMeeting(decide(proposed,
        Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "confirm"), Map.of())));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("第1项（县总工会）不予启动的，须填写「理由」");
    var confirmed = submit("leader", review, jointMeeting(decide(proposed,
        Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "confirm"),
        Map.of("dept-union", "测评样本中服务对象不足，经联席会议审定暂不启动"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    driver.runJobs();
    recordPublication(round, "2026-09-22");

    // the admonishment talk is now discipline inspection's task, drafted from the survey result
    Task talk = ladderTask("dept-education", EscalationModel.HOLD_ADMONISHMENT_TALK);
    assertThat(engine.getTaskService().getIdentityLinksForTask(talk.getId()))
        .anyMatch(l -> "discipline-inspection".equals(l.getGroupId()));
    assertThat((String) engine.getTaskService().getVariable(talk.getId(), "noticeBody"))
        .startsWith("在「2026年机关作风建设活动」第二次作风建设满意度测评中，县教育局满意度得分78.00分，在政府职能部门中排名倒数第2位（共4个单位），属政府职能部门排名后二位。")
        .contains("10天内提出整改措施");
    ladderTask("dept-finance", EscalationModel.HOLD_ADMONISHMENT_TALK);
    assertThat(
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
            .processInstanceBusinessKey(code).variableValueEquals(SurveyModel.DEPARTMENT, "dept-union").count())
        .as("rejected: nothing started").isZero();

    // the rectification deadline: measures within seed 004's "10天" of 2026-09-22, i.e. 2026-10-02, a
    // day of the National Day holiday, so the first working day after it
    Date tenDays = endOf(LocalDate.of(2026, 10, 8));
    Task measures = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.DEFINE_MEASURE)
        .processVariableValueEquals(SurveyModel.DEPARTMENT, "dept-education")
        .singleResult();
    assertThat(measures.getDueDate()).isEqualTo(tenDays);
    assertThat((String) engine.getTaskService().getVariable(measures.getId(), "sourceLabel")).isEqualTo("满意度测评");
    Task commitment = openTask(round, SurveyModel.COMMITMENT_TASK, "dept-education");
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
    assertThat(rest.get("education-liaison", "/engine-rest/process-instance/" + round + "/variables").status())
        .isEqualTo(403);

    // discipline inspection holds the talk; the notice is numbered and the ladder ends there
    var held = submit("inspector", talk, Map.of("escalationDecision", "issue", "talkDate", "2026-09-24",
        "noticeTitle", engine.getTaskService().getVariable(talk.getId(), EscalationModel.NOTICE_TITLE),
        "noticeBody", engine.getTaskService().getVariable(talk.getId(), "noticeBody") + "\n本人表示接受批评，立即整改。",
        "selfCriticismRequired", false));
    assertThat(held.status()).as(held.body()).isEqualTo(204);
    driver.runJobs();
    List<IssuedNotice> issued = notices.ofCampaign(code, "dept-education");
    assertThat(issued)
        .filteredOn(n -> n.kind() == NoticeKind.ADMONISHMENT_TALK && "dept-education".equals(n.department()))
        .singleElement().satisfies(n -> assertThat(n.title()).isEqualTo("关于对县教育局主要负责人许文博同志进行诫勉谈话的记录"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(EscalationModel.PROCESS)
        .processInstanceBusinessKey(code).variableValueEquals(SurveyModel.DEPARTMENT, "dept-education").finished()
        .singleResult()
        .getEndActivityId())
        .isEqualTo(EscalationModel.SURVEY_CONSEQUENCE_APPLIED_END);

    // the department makes its public commitment
    var committed = submit("education-liaison", commitment, Map.of("commitmentText", "一个月内整改窗口服务问题，实行首问负责、限时办结，接受社会监督。",
        "publicationChannel", "县政府网站", "publishedOn", "2026-09-25"));
    assertThat(committed.status()).as(committed.body()).isEqualTo(204);

    // the published ranking: the office and auditors read all of it, a department its own rows
    assertThat(rest.get("auditor", "/campaign/surveys/" + round).body()).contains("县教育局").contains("确认启动")
        .contains("不予启动：测评样本中服务对象不足").contains("联席会议审定：2026-09-22")
        .contains("媒体公布：2026-09-22　示范县融媒体中心");
    assertThat(rest.get("education-liaison", "/campaign/surveys/" + round).status()).isEqualTo(403);
    JsonNode own = rest.get("education-liaison", "/campaign/api/surveys?campaignCode=" + code).json();
    JsonNode second = own.get(1);
    assertThat(second.path("ranking")).extracting(r -> r.path("department").asText()).containsExactly("dept-education");
    assertThat(second.path("publication").path("publicationMedium").asText()).isEqualTo("示范县融媒体中心");
  }

  @Test
  void twiceAtTheBottomRecommendsOrganizationalHandlingAndAVerticalUnitIsReportedToItsSuperior() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    startRound("第一次作风建设满意度测评（作风问计）", "2026-09-01", false);
    String second = startRound("第二次作风建设满意度测评", "2026-09-21", true);
    assertThat(upload("office", openTask(second, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();
    // the office confirms nothing this time: the positions still count
    rejectAll(second);

    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 11, 17), 10));
    String third = startRound("第三次作风建设满意度测评", "2026-11-16", true);
    assertThat(upload("office", openTask(third, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();

    JsonNode proposed = json(third, "proposedConsequences");
    assertThat(proposed).extracting(p -> p.path("departmentName").asText() + "：" + p.path("consequence").asText()
        + "（第" + p.path("timesInBottomPosition").asInt() + "次）")
        .containsExactly("县总工会：ORGANIZATIONAL_HANDLING（第2次）", "县教育局：ORGANIZATIONAL_HANDLING（第2次）",
            "县财政局：ORGANIZATIONAL_HANDLING（第2次）", "县气象局：REPORT_TO_SUPERIOR（第2次）");
    var confirmed = submit("leader", openTask(third, SurveyModel.CONFIRM_CONSEQUENCES_TASK), jointMeeting(
        decide(proposed, Map.of("dept-union", "reject", "dept-education", "confirm", "dept-finance", "reject",
            "dept-meteorology", "confirm"), Map.of("dept-union", "另案处理", "dept-finance", "另案处理"))));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
    driver.runJobs();
    recordPublication(third, "2026-11-17");

    Task handling = ladderTask("dept-education", EscalationModel.RECOMMEND_ORGANIZATIONAL_HANDLING);
    assertThat(engine.getTaskService().getIdentityLinksForTask(handling.getId()))
        .anyMatch(l -> "organization-dept".equals(l.getGroupId()));
    assertThat((String) engine.getTaskService().getVariable(handling.getId(), "noticeBody"))
        .contains("是本次活动中第2次排名后位").contains("建议对县教育局主要负责人许文博同志及相关责任人进行组织处理");
    Task report = ladderTask("dept-meteorology", EscalationModel.REPORT_TO_SUPERIOR);
    assertThat(engine.getTaskService().getVariable(report.getId(), "noticeAddressee")).isEqualTo("某市气象局");
    // organizational handling and the report start no rectification item of their own
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(SurveyModel.COMMITMENT_TASK).count()).isZero();
  }

  @Test
  void aRoundIsStartedOnlyForARunningCampaignWithAPastDate() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    var unknown = rest.post("office", "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm("ZG-2026-NONE", "第一次测评", "2026-09-21", false)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("「活动编号」ZG-2026-NONE 不是正在进行的整改活动");
    var future = rest.post("office", "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm(code, "第一次测评", "2026-09-30", false)));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("「测评日期」不能晚于今天");
    var auditor = rest.post("auditor", "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm(code, "第一次测评", "2026-09-21", false)));
    assertThat(auditor.status()).isIn(401, 403);
    for (String campaignCode : List.of(code, "ZG-2026-NONE")) {
      assertThat(
          engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SurveyModel.PROCESS)
              .variableValueEquals(SurveyModel.CAMPAIGN_CODE, campaignCode).count())
          .as("rounds started for " + campaignCode).isZero();
    }
  }

  @Test
  void roundOneCreatesAMeasuresTaskForEverySurveyedUnitDueInTenDaysAndAPublicationRecord() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    String round = startRound("第一次作风建设满意度测评（作风问计）", "2026-09-21", false);
    assertThat(upload("office", openTask(round, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();

    // diagnostic: the office reviews it, nothing is proposed, and no unit gets a task before the review
    assertThat(json(round, "proposedConsequences")).isEmpty();
    Task review = openTask(round, SurveyModel.DIAGNOSTIC_REVIEW_TASK);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "campaign-office".equals(l.getGroupId()));
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(SurveyModel.MEASURES_PROCESS)
        .processInstanceBusinessKey(code).count()).isZero();
    var reviewed = submit("office", review, Map.of("diagnosticRequirements",
        "结合民意调查和本单位查找出的服务基层、服务企业、服务项目方面的突出问题，逐条提出整改措施。"));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    driver.runJobs();

    // every surveyed unit (not the township that was not surveyed) proposes measures within 10 days:
    // 2026-10-02 falls in the National Day holiday, so 2026-10-08
    List<Task> measures = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(SurveyModel.MEASURES_TASK).list();
    assertThat(measures)
        .extracting(t -> (String) engine.getTaskService().getVariable(t.getId(), SurveyModel.DEPARTMENT))
        .containsExactlyInAnyOrder("dept-propaganda", "dept-union", "dept-devreform", "dept-finance", "dept-market",
            "dept-education", "dept-taxation", "dept-meteorology");
    assertThat(measures).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 10, 8))));
    Task finance = measures.stream()
        .filter(t -> "dept-finance".equals(engine.getTaskService().getVariable(t.getId(), SurveyModel.DEPARTMENT)))
        .findFirst().orElseThrow();
    // the unit sees its own result only
    var visible = rest.get("finance-liaison", "/engine-rest/task/" + finance.getId() + "/variables");
    assertThat(visible.status()).isEqualTo(200);
    assertThat(visible.body()).contains("县财政局满意度得分78.00分，在政府职能部门中排名第4名（共4个单位）")
        .contains("逐条提出整改措施").doesNotContain("县教育局", SurveyModel.RANKING, SurveyModel.RESULTS);
    assertThat(rest.get("education-liaison", "/engine-rest/task/" + finance.getId()).status()).isEqualTo(404);
    // the publication waits for the measures
    assertThat(openTask(round, SurveyModel.PUBLICATION_TASK)).isNull();

    for (Task task : measures) {
      String department = (String) engine.getTaskService().getVariable(task.getId(), SurveyModel.DEPARTMENT);
      var proposed = submit(department.substring(5) + "-liaison", task, Map.of(
          "surveyMeasures", department + "：实行首问负责和限时办结，窗口服务问题一个月内整改到位。",
          "measuresResponsible", "分管副局长", "measuresDeadline", "2026-10-31"));
      assertThat(proposed.status()).as(proposed.body()).isEqualTo(204);
    }
    driver.runJobs();

    // the office records the publication in the county's media: medium, date, what was published
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 10, 9), 10));
    Task publication = openTask(round, SurveyModel.PUBLICATION_TASK);
    String content = (String) engine.getTaskService().getVariable(publication.getId(), SurveyModel.PUBLICATION_CONTENT);
    assertThat(content).contains("作风问计").contains("县财政局：dept-finance：实行首问负责和限时办结").contains("完成时限：2026-10-31");
    var early = submit("office", publication, Map.of("publicationMedium", "示范县融媒体中心", "publicationDate", "2026-09-20",
        "publicationContent", content));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body()).contains("「公布日期」不能早于测评日期 2026-09-21");
    assertThat(openTask(round, SurveyModel.PUBLICATION_TASK).getId()).isEqualTo(publication.getId());
    var recorded = submit("office", publication, Map.of("publicationMedium", "《示范县报》", "publicationDate", "2026-10-09",
        "publicationContent", content));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    driver.runJobs();

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(round).singleResult()
        .getEndTime()).as("round closed").isNotNull();
    assertThat(rest.get("auditor", "/campaign/surveys/" + round).body()).contains("本轮不作为问责依据")
        .contains("作风问计（不作为问责依据），办公室整改要求").contains("媒体公布：2026-10-09　《示范县报》");
    JsonNode own = rest.get("finance-liaison", "/campaign/api/surveys?campaignCode=" + code).json().get(0);
    assertThat(own.path("publication").path("publicationDate").asText()).isEqualTo("2026-10-09");
    assertThat(own.path("publication").path("publicationMedium").asText()).isEqualTo("《示范县报》");
  }

  @Test
  void aRoundTwoResultWaitsForTheJointMeeting() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    startRound("第一次作风建设满意度测评（作风问计）", "2026-09-01", false);
    String round = startRound("第二次作风建设满意度测评", "2026-09-21", true);
    assertThat(upload("office", openTask(round, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();

    // the joint meeting's task: the leading group decides, not the office
    Task meeting = openTask(round, SurveyModel.CONFIRM_CONSEQUENCES_TASK);
    assertThat(meeting.getName()).isEqualTo("联席会议审定测评结果和运用措施");
    assertThat(engine.getTaskService().getIdentityLinksForTask(meeting.getId())).extracting(l -> l.getGroupId())
        .contains("leading-group").doesNotContain("campaign-office");
    JsonNode proposed = json(round, "proposedConsequences");
    Map<String, String> confirmAll = new LinkedHashMap<>();
    proposed.forEach(p -> confirmAll.put(p.path("department").asText(), "confirm"));
    assertThat(
        rest.post("office", "/engine-rest/task/" + meeting.getId() + "/claim", "{\"userId\":\"office\"}").status())
        .isIn(403, 404);
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + meeting.getId() + "/submit-form",
        "{\"variables\":{}}").status()).isIn(403, 404);

    // nothing is published, reported or started while it waits
    assertThat(openTask(round, SurveyModel.PUBLICATION_TASK)).isNull();
    assertThat(notices.ofCampaign(code, null)).noneMatch(n -> n.kind() == NoticeKind.REPORT_TO_SUPERIOR);
    assertThat(
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
            .processInstanceBusinessKey(code).count())
        .isZero();
    assertThat(rest.get("auditor", "/campaign/surveys/" + round).body()).contains("测评结果尚待审定，未公布");

    // a meeting in the future is refused, naming the field; the task stays open
    Map<String, Object> future = jointMeeting(decide(proposed, confirmAll, Map.of()));
    future.put("jointMeetingDate", "2026-09-30");
    var refused = submit("leader", meeting, future);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「联席会议日期」不能晚于今天");
    assertThat(openTask(round, SurveyModel.CONFIRM_CONSEQUENCES_TASK).getId()).isEqualTo(meeting.getId());

    var approved = submit("leader", meeting, jointMeeting(decide(proposed, confirmAll, Map.of())));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    driver.runJobs();
    // approved: the publication is recorded before the consequences start
    assertThat(
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
            .processInstanceBusinessKey(code).count())
        .isZero();
    recordPublication(round, "2026-09-22");
    ladderTask("dept-education", EscalationModel.HOLD_ADMONISHMENT_TALK);
    assertThat(rest.get("office", "/campaign/surveys/" + round).body()).contains("联席会议审定：2026-09-22")
        .contains("同意测评结果，在县级主流媒体上公布").contains("媒体公布：2026-09-22　示范县融媒体中心");
  }

  @Test
  void everyRoundReportsTheVerticallyManagedUnitsToTheirSuperiors() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    String first = startRound("第一次作风建设满意度测评（作风问计）", "2026-09-21", false);
    assertThat(upload("office", openTask(first, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();
    assertThat(submit("office", openTask(first, SurveyModel.DIAGNOSTIC_REVIEW_TASK),
        Map.of("diagnosticRequirements", "各单位10天内提出整改措施。")).status()).isEqualTo(204);
    driver.runJobs();

    // round 1: diagnostic, yet both vertical units are reported, the first (税务 85.00, first of two) too
    List<IssuedNotice> reports = reports();
    assertThat(reports).extracting(IssuedNotice::title).containsExactlyInAnyOrder(
        "关于国家税务总局示范县税务局在第一次作风建设满意度测评（作风问计）中测评结果的报告",
        "关于县气象局在第一次作风建设满意度测评（作风问计）中测评结果的报告");
    IssuedNotice meteorology = reports.stream().filter(n -> "dept-meteorology".equals(n.department())).findFirst()
        .orElseThrow();
    assertThat(notices.html(meteorology.id()).orElseThrow()).contains("某市气象局").contains("满意度得分70.00分")
        .contains("作风问计测评，只作诊断");
    assertThat(notices
        .html(reports.stream().filter(n -> "dept-taxation".equals(n.department())).findFirst().orElseThrow().id())
        .orElseThrow()).contains("国家税务总局某市税务局").contains("排名第1名（共2个单位）");
    assertThat(rest.get("auditor", "/campaign/surveys/" + first).body()).contains("县气象局的测评结果已报告某市气象局（"
        + meteorology.number() + "）");

    // round 2: reported again once the joint meeting has approved it, though the weather bureau's
    // first time last proposes no consequence
    String second = startRound("第二次作风建设满意度测评", "2026-09-21", true);
    assertThat(upload("office", openTask(second, SurveyModel.ENTRY_TASK).getId(), "结果.csv", RESULTS).status())
        .isEqualTo(200);
    driver.runJobs();
    assertThat(reports()).hasSize(2);
    rejectAll(second);
    assertThat(reports()).extracting(IssuedNotice::title)
        .contains("关于县气象局在第二次作风建设满意度测评中测评结果的报告",
            "关于国家税务总局示范县税务局在第二次作风建设满意度测评中测评结果的报告")
        .hasSize(4);
    // the unit reads its own report
    assertThat(
        rest.get("meteorology-liaison", "/campaign/api/notices?campaignCode=" + code + "&department=dept-meteorology")
            .body())
        .contains("关于县气象局在第二次作风建设满意度测评中测评结果的报告").doesNotContain("税务局在");
  }

  @Test
  void whetherARoundCountsFollowsFromItsNumber() {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 22), 10));
    var firstCounting = rest.post("office",
        "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm(code, "第一次作风建设满意度测评", "2026-09-21", true)));
    assertThat(firstCounting.status()).isEqualTo(400);
    assertThat(firstCounting.body()).contains("「本轮测评结果作为问责依据」：这是活动 " + code + " 的第1轮测评（作风问计），只作诊断，不作为问责依据");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SurveyModel.PROCESS)
        .processInstanceBusinessKey(code).count()).isZero();

    String first = startRound("第一次作风建设满意度测评", "2026-09-21", false);
    assertThat(engine.getRuntimeService().getVariable(first, SurveyModel.COUNTS)).isEqualTo(false);
    var secondNotCounting = rest.post("office",
        "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm(code, "第二次作风建设满意度测评", "2026-09-21", false)));
    assertThat(secondNotCounting.status()).isEqualTo(400);
    assertThat(secondNotCounting.body()).contains("「本轮测评结果作为问责依据」：这是活动 " + code + " 的第2轮测评，第二、三轮测评结果作为问责依据，须勾选");
    String second = startRound("第二次作风建设满意度测评", "2026-09-21", true);
    assertThat(engine.getRuntimeService().getVariable(second, SurveyModel.ROUND)).isEqualTo(2);
  }

  private List<IssuedNotice> reports() {
    return notices.ofCampaign(code, null).stream().filter(n -> n.kind() == NoticeKind.REPORT_TO_SUPERIOR).toList();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String startRound(String name, String date, boolean counts) {
    var started = rest.post("office", "/engine-rest/process-definition/key/" + SurveyModel.PROCESS + "/submit-form",
        CampaignRest.variables(roundForm(code, name, date, counts)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  static Map<String, Object> roundForm(String campaignCode, String name, String date, boolean counts) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", campaignCode);
    form.put("surveyRoundName", name);
    form.put("surveyDate", date);
    form.put("surveyScale", "standard");
    form.put("countsForConsequences", counts);
    return form;
  }

  /** The joint meeting's form: the meeting and the decisions on the proposed consequences. */
  private Map<String, Object> jointMeeting(JsonNode decided) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("jointMeetingDate",
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CampaignDates.CHINA).toString());
    values.put("jointMeetingParticipants", "县委副书记张振国（主持），县纪委监委、县委组织部、县委督查室、领导小组办公室负责同志");
    values.put("jointMeetingDecision", "同意测评结果，在县级主流媒体上公布；结果运用措施按下列意见办理。");
    values.put("proposedConsequences", decided);
    return values;
  }

  /** The office records the publication in the county's media. */
  private void recordPublication(String round, String date) {
    Task publication = openTask(round, SurveyModel.PUBLICATION_TASK);
    assertThat(publication).as("publication task of " + round).isNotNull();
    var recorded = submit("office", publication, Map.of("publicationMedium", "示范县融媒体中心", "publicationDate", date,
        "publicationContent",
        engine.getTaskService().getVariable(publication.getId(), SurveyModel.PUBLICATION_CONTENT)));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    driver.runJobs();
  }

  private void rejectAll(String round) {
    JsonNode proposed = json(round, "proposedConsequences");
    Map<String, String> decisions = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    proposed.forEach(p -> {
      decisions.put(p.path("department").asText(), "reject");
      reasons.put(p.path("department").asText(), "经联席会议审定暂不启动");
    });
    var reply = submit("leader", openTask(round, SurveyModel.CONFIRM_CONSEQUENCES_TASK), jointMeeting(
        decide(proposed, decisions, reasons)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    driver.runJobs();
    recordPublication(round,
        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), CampaignDates.CHINA).toString());
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
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
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
        .processDefinitionKey(EscalationModel.PROCESS).processInstanceBusinessKey(code)
        .variableValueEquals(SurveyModel.DEPARTMENT, department).singleResult();
    assertThat(ladder).as("ladder of " + department).isNotNull();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(ladder.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private CampaignRest.Reply submit(String user, Task task, Map<String, Object> values) {
    if (engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
      assertThat(
          rest.post(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").status())
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
