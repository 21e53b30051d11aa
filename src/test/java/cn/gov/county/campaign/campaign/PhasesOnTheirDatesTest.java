package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.escalation.EscalationModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The campaign runs on its calendar (seed 001: reports due 8/20 while research runs in the second
 * half of August): each phase opens on its start date for every department and for the office,
 * whatever any department has done; problems are rectified as they are found (边查边改, seed 004);
 * the special meeting picks the problems whose deadlines it adjusts from a list.
 */
@CampaignIntegrationTest
class PhasesOnTheirDatesTest {

  private static final List<String> OTHERS = List.of("dept-propaganda", "dept-union", "dept-devreform",
      "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng");

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService history;

  @Autowired
  Deadlines deadlines;

  @LocalServerPort
  int port;

  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDepartmentThatWithholdsItsPhaseOneWorkHoldsNobodyUp_andStillGetsItsLaterWorkOnTheDates() {
    // given: the market bureau finishes phase 1 early, the finance bureau never drafts its work plan
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-market"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 5), 10, 0));
    driver.doSelfInspection(code, "dept-market", null);
    driver.submitReport(code, "dept-market");
    driver.reviewReport(code, "dept-market", "accepted");
    Task workPlan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");

    // when the county is quick, phase 2 still waits for its date (Monday 17 August) ...
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 14), 17, 0));
    driver.runJobs();
    assertThat(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING)).isEmpty();
    assertThat(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE)).isEmpty();

    // ... and on that date it opens for the office and discipline inspection, finance's work plan still open
    driver.dayOf(code, CampaignModel.RESEARCH_START);
    assertThat(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING)).hasSize(1);
    assertThat(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE)).hasSize(1);
    assertThat(driver.tasks.createTaskQuery().taskId(workPlan.getId()).count()).isOne();

    // the report date passes: finance's work plan is overdue and on the ladder, not cancelled
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    driver.runJobs();
    assertThat(driver.tasks.createTaskQuery().taskId(workPlan.getId()).singleResult().getDueDate())
        .isBefore(ClockUtil.getCurrentTime());
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
        .variableValueEquals(EscalationModel.OVERDUE_TASK_ID, workPlan.getId()).count()).isOne();

    // phase 3 opens for both departments on its date (Monday 31 August): finance gets its plan too
    driver.dayOf(code, CampaignModel.RECTIFICATION_START);
    assertThat(driver.open(code, CampaignModel.RectificationPlan.DRAFT_PLAN)).hasSize(2);
    assertThat(driver.open(code, CampaignModel.RectificationPlan.DRAFT_PLAN, "dept-finance")).isNotNull();
    assertThat(driver.tasks.createTaskQuery().taskId(workPlan.getId()).count()).as("phase-1 work stays open").isOne();

    // and phase 4 on its date (Monday 21 September), the finance bureau's earlier work still open
    driver.dayOf(code, CampaignModel.CONSOLIDATION_START);
    assertThat(driver.open(code, CampaignModel.Consolidation.SUBMIT_SUMMARY)).hasSize(2);
    assertThat(driver.tasks.createTaskQuery().taskId(workPlan.getId()).count()).isOne();
  }

  @Test
  void aProblemFoundBySelfInspectionIsRectifiedAtOnce_andClosedBeforeTheSpecialMeeting() {
    // given: phase 1, the finance bureau's accepted report names a problem
    String code = driver.launch("边查边改演练", withOnly("dept-finance"));
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", mobilization());
    driver.doSelfInspection(code, "dept-finance", "窗口服务态度生硬");
    driver.submitReport(code, "dept-finance");
    driver.reviewReport(code, "dept-finance", "accepted");

    // then: its measure task is there at once, due within seed 004's ten days
    Task measure = driver.open(code, CampaignModel.RectificationItem.DEFINE_MEASURE, "dept-finance");
    assertThat(measure.getDueDate()).isEqualTo(deadlines.fromNow("rectification-measures"));

    // when: the department rectifies it and the office verifies it, still in phase 1
    driver.complete(measure, "finance-liaison",
        Map.of("measure", "开展窗口服务礼仪培训", "target", "群众反映的问题全部解决，建立长效机制", "responsible", "王敏",
            "rectificationDeadline", CampaignDriver.TODAY.plusDays(12).toString()));
    driver.complete(driver.open(code, CampaignModel.RectificationItem.REPORT_PROGRESS, "dept-finance"),
        "finance-liaison",
        Map.of("progressReport", "已完成培训。", "progressStatus", "done"));
    driver.complete(driver.open(code, CampaignModel.RectificationItem.SUBMIT_COMPLETION_REPORT, "dept-finance"),
        "finance-liaison", Map.of(
            "completionReport", "窗口人员已全部完成培训，服务态度明显改善。", "completedOn", CampaignDriver.TODAY.toString(),
            "evidence", JsonVariables.of(List.of(Map.of("evidenceTitle", "培训签到表")))));
    driver.approveAsHead(code, "dept-finance", CampaignModel.RectificationItem.HEAD_APPROVES_COMPLETION_REPORT);
    Map<String, Object> verified = new HashMap<>();
    verified.put("verificationDecision", "verified");
    verified.put("verificationComment", null);
    driver.complete(driver.open(code, CampaignModel.RectificationItem.VERIFY, "dept-finance"), "office", verified);

    // then: closed (问题已销号) with no special meeting held or even due yet
    assertThat(
        history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
            .processInstanceBusinessKey(code).finished().singleResult().getEndActivityId())
        .isEqualTo(CampaignModel.RectificationItem.PROBLEM_CLOSED);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.Campaign.HOLD_SPECIAL_MEETING).count()).isZero();
  }

  @Test
  void theSpecialMeetingPicksAnOpenProblemFromItsListAndGivesItANewDeadline() {
    // given: a problem assigned in phase 1 whose measure is due 20 days on
    CampaignRest rest = new CampaignRest(port);
    String code = driver.launch("专题会议调整时限演练", withOnly("dept-finance"));
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", mobilization());
    driver.runtime.startProcessInstanceByKey(CampaignModel.PROBLEM_ASSIGNMENT_PROCESS, Map.of("campaignCode", code,
        "problemDepartment", "dept-finance", "problemSource", "office", "problemDescription", "会议多、文件多",
        "problemCause", ""));
    driver.runJobs();
    Task measure = driver.open(code, CampaignModel.RectificationItem.DEFINE_MEASURE, "dept-finance");
    String problemCode = (String) driver.tasks.getVariable(measure.getId(),
        CampaignModel.RectificationItem.PROBLEM_CODE);
    driver.complete(measure, "finance-liaison",
        Map.of("measure", "精简会议文件", "target", "群众反映的问题全部解决，建立长效机制", "responsible", "王敏",
            "rectificationDeadline", CampaignDriver.TODAY.plusDays(20).toString()));
    // the office's research and discipline inspection's spot checks in phase 2, then phase 3 on its date
    driver.dayOf(code, CampaignModel.RESEARCH_START);
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING).get(0), "office",
        Map.of("researchAction", "none"));
    driver.complete(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE).get(0), "inspector", Map.of(
        "samplingMethod", "designated", "designatedDepartments", JsonVariables.of(List.of("dept-finance")),
        "samplingNote", "群众反映较多"));
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_SPOT_CHECK_FINDING).get(0), "inspector",
        Map.of("spotCheckAction", "none"));
    driver.dayOf(code, CampaignModel.RECTIFICATION_START);
    Task meeting = driver.open(code, CampaignModel.Campaign.HOLD_SPECIAL_MEETING).get(0);

    // when: the leading group opens the meeting's form: every open problem is listed to pick from
    assertThat(
        rest.post("leader", "/engine-rest/task/" + meeting.getId() + "/claim", "{\"userId\":\"leader\"}").status())
        .isEqualTo(204);
    JsonNode listed = rest
        .get("leader", "/engine-rest/task/" + meeting.getId() + "/form-variables?deserializeValues=false")
        .json().path("deadlineAdjustments");
    ArrayNode rows = (ArrayNode) JsonVariables.parse(listed.path("value").asText());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.path("problemCode").asText()).isEqualTo(problemCode);
      assertThat(row.path("problem").asText()).isEqualTo("县财政局（办公室交办）：会议多、文件多");
      assertThat(row.path("currentDeadline").asText()).isEqualTo(CampaignDriver.TODAY.plusDays(20).toString());
    });
    Map<String, Object> form = new HashMap<>(Map.of("meetingDate", CampaignDriver.TODAY.plusDays(26).toString(),
        "meetingDecision", "adjusted", "meetingMinutes", "审定各单位整改方案，个别问题整改时限适当延长。"));
    // adjusting without picking any problem is refused, naming the list
    form.put("deadlineAdjustments", rows);
    var nothingPicked = rest.post("leader", "/engine-rest/task/" + meeting.getId() + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(nothingPicked.status()).isEqualTo(400);
    assertThat(nothingPicked.body()).contains("「调整的整改时限」选择了「调整部分整改时限后通过」，请至少为一个问题填写调整后的整改时限");
    // the leader fills in the problem's row
    String later = CampaignDriver.TODAY.plusDays(35).toString();
    ((ObjectNode) rows.get(0)).put("newDeadline", later).put("adjustmentReason", "涉及多个科室，需延长");
    var adjusted = rest.post("leader", "/engine-rest/task/" + meeting.getId() + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(204);
    driver.runJobs();

    // then: the problem and its open progress task are due on the new date
    Task progress = driver.open(code, CampaignModel.RectificationItem.REPORT_PROGRESS, "dept-finance");
    assertThat(driver.tasks.getVariable(progress.getId(), CampaignModel.RectificationItem.DEADLINE)).isEqualTo(later);
    assertThat(progress.getDueDate()).isEqualTo(deadlines.endOf(later));
  }

  private static List<String> withOnly(String department) {
    List<String> excluded = new java.util.ArrayList<>(OTHERS);
    excluded.add("dept-market");
    excluded.remove(department);
    return excluded;
  }

  private static Map<String, Object> mobilization() {
    return Map.of("opinionsIssuedOn", CampaignDriver.TODAY.toString(), "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", CampaignDriver.TODAY.toString(), "mobilizationMeetingNotes", "全县动员大会。");
  }
}
