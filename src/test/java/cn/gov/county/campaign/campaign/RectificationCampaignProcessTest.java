package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.bulletin.BulletinModel;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of the campaign, with the real models, forms' variables and delegates. */
@CampaignIntegrationTest
class RectificationCampaignProcessTest {

  /** Finance, market and a township take part; the other seven are excluded at launch. */
  static final List<String> PARTICIPANTS = List.of("dept-finance", "dept-market", "dept-chengguan");
  static final List<String> EXCLUDED = List.of("dept-propaganda", "dept-union", "dept-devreform",
      "dept-education", "dept-taxation", "dept-meteorology", "dept-dongfeng");

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService history;

  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new CampaignDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance campaign(String code) {
    return driver.runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).singleResult();
  }

  private List<HistoricProcessInstance> items(String code, String department) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(code).variableValueEquals(CampaignModel.DEPARTMENT, department).list();
  }

  private void rectifyItem(String code, String problemCode) {
    Task progress = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.REPORT_PROGRESS)
        .processVariableValueEquals(CampaignModel.RectificationItem.PROBLEM_CODE, problemCode)
        .singleResult();
    assertThat(progress).as("progress report task of " + problemCode).isNotNull();
    driver.complete(progress, "finance-liaison", Map.of("progressReport", "已完成窗口人员培训。", "progressStatus", "done"));
    Task completion = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.SUBMIT_COMPLETION_REPORT)
        .processVariableValueEquals(CampaignModel.RectificationItem.PROBLEM_CODE, problemCode)
        .singleResult();
    driver.complete(completion, "finance-liaison", Map.of("completionReport", "整改措施已全部落实，群众反映的问题已解决。",
        "completedOn", CampaignDriver.TODAY.toString(),
        "evidence", JsonVariables.of(List.of(Map.of("evidenceTitle", "培训签到表", "evidenceReference", "财办〔2026〕3号")))));
    Task approval = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.HEAD_APPROVES_COMPLETION_REPORT)
        .processVariableValueEquals(CampaignModel.RectificationItem.PROBLEM_CODE, problemCode)
        .singleResult();
    driver.complete(approval, approval.getAssignee(), CampaignDriver.HEAD_APPROVES);
    Task verification = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.VERIFY)
        .processVariableValueEquals(CampaignModel.RectificationItem.PROBLEM_CODE, problemCode)
        .singleResult();
    Map<String, Object> verified = new HashMap<>();
    verified.put("verificationDecision", "verified");
    verified.put("verificationComment", null);
    driver.complete(verification, "office", verified);
  }

  @Test
  void shouldCarryACampaignOfThreeDepartmentsThroughAllFourPhases() {
    // given: the office launches a campaign for three departments
    String code = driver.launch("2026年机关作风建设活动", EXCLUDED);
    ProcessInstance campaign = campaign(code);
    assertThat(campaign).isWaitingAt(CampaignModel.Campaign.RECORD_MOBILIZATION);
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
        "opinionsIssuedOn", CampaignDriver.TODAY.toString(), "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", CampaignDriver.TODAY.toString(), "mobilizationMeetingNotes", "全县动员大会，县委副书记讲话。"));

    // phase 1: each participating department works in its own instance; the excluded get nothing
    assertThat(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN)).hasSize(3)
        .allSatisfy(task -> assertThat(driver.tasks.getIdentityLinksForTask(task.getId()))
            .anySatisfy(link -> assertThat(PARTICIPANTS).contains(link.getGroupId())));
    for (String department : PARTICIPANTS) {
      driver.doSelfInspection(code, department, department.equals("dept-finance") ? "窗口服务态度生硬" : null);
      driver.submitReport(code, department);
      driver.reviewReport(code, department, "accepted");
    }
    assertThat(items(code, "dept-finance")).hasSize(1);
    assertThat(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING)).as("phase 2 waits for its date")
        .isEmpty();

    // phase 2, on its start date: the office records a research finding; discipline inspection spot-checks the market department
    driver.dayOf(code, CampaignModel.RESEARCH_START);
    assertThat(campaign).isWaitingAt(CampaignModel.Campaign.RECORD_RESEARCH_FINDING,
        CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE);
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_RESEARCH_FINDING).get(0), "office", Map.of(
        "researchAction", "recordAndFinish", "findingDepartment", "dept-finance", "findingSource", "forum",
        "findingDescription", "座谈会反映审批材料要求多", "findingCause", "流程未精简"));
    driver.complete(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE).get(0), "inspector", Map.of(
        "samplingMethod", "designated", "designatedDepartments", JsonVariables.of(List.of("dept-market")),
        "samplingNote", "群众反映较多的单位"));
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_SPOT_CHECK_FINDING).get(0), "inspector", Map.of(
        "spotCheckAction", "recordAndFinish", "spotCheckFinding", "自查报告与实际不符", "spotCheckCause", "自查走过场"));
    assertThat(items(code, "dept-finance")).hasSize(2);
    assertThat(items(code, "dept-market")).hasSize(1);

    // phase 3, on its start date: each department's plan lists its open problems, whenever found
    driver.dayOf(code, CampaignModel.RECTIFICATION_START);
    for (String department : PARTICIPANTS) {
      Task plan = driver.open(code, CampaignModel.RectificationPlan.DRAFT_PLAN, department);
      JsonNode rows = driver.json(plan.getId(), "planItems");
      rows.forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("measure", "专项整治")
          .put("target", "群众反映的问题全部解决").put("responsible", CampaignDriver.liaisonNameOf(department))
          .put("deadline", CampaignDriver.TODAY.plusDays(30).toString()));
      driver.complete(plan, CampaignDriver.liaisonOf(department),
          Map.of("planItems", JsonVariables.of(rows), "planSummary", "按期整改"));
      driver.approveAsHead(code, department, CampaignModel.RectificationPlan.HEAD_APPROVES_PLAN);
    }
    driver.complete(driver.open(code, CampaignModel.Campaign.HOLD_SPECIAL_MEETING).get(0), "leader", Map.of(
        "meetingDate", CampaignDriver.TODAY.toString(), "meetingDecision", "approved",
        "deadlineAdjustments", JsonVariables.of(List.of()), "meetingMinutes", "审定各单位整改方案。"));
    for (HistoricProcessInstance item : items(code, "dept-finance")) {
      rectifyItem(code,
          (String) driver.runtime.getVariable(item.getId(), CampaignModel.RectificationItem.PROBLEM_CODE));
    }
    String marketProblem = (String) driver.runtime.getVariable(items(code, "dept-market").get(0).getId(),
        "problemCode");
    rectifyItem(code, marketProblem);
    assertThat(
        history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
            .processInstanceBusinessKey(code).finished().count())
        .isEqualTo(3);
    driver.complete(driver.open(code, CampaignModel.Campaign.CONCLUDE_RECTIFICATION_PHASE).get(0), "office",
        Map.of("phaseReviewNote", "三个问题均已整改销号。"));

    // phase 4, on its start date: summaries, assessments, the closing record; the campaign closes
    // after the office's closing record and its last department's work, in either order
    driver.dayOf(code, CampaignModel.CONSOLIDATION_START);
    for (String department : PARTICIPANTS.subList(0, PARTICIPANTS.size() - 1)) {
      consolidate(code, department);
    }
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_CAMPAIGN_CLOSING).get(0), "office", Map.of(
        "closedOn", CampaignDriver.TODAY.toString(), "closingSummary", "活动圆满结束。", "closingDocumentNumber",
        "示委办〔2026〕30号"));
    assertThat(campaign).as("one department still works").isWaitingAt(CampaignModel.Campaign.DEPARTMENTS_FINISHED);
    consolidate(code, PARTICIPANTS.get(PARTICIPANTS.size() - 1));

    // then
    assertThat(campaign).isEnded();
    // (the months went by: a monthly bulletin or quarterly report may wait for the office's approval)
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKeyNotIn(BulletinModel.REPORTS).unfinished().count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
        .taskHadCandidateGroup("dept-propaganda").count()).isZero();
  }

  private void consolidate(String code, String department) {
    driver.complete(driver.open(code, CampaignModel.Consolidation.SUBMIT_SUMMARY, department),
        CampaignDriver.liaisonOf(department),
        Map.of(
            "summaryReport", "本单位活动开展情况总结：自查自纠、调查研究、整改落实、建章立制各环节均按要求完成，查找问题逐项销号，新建制度两项，作风明显好转。",
            "rulesMade", JsonVariables.of(List.of(Map.of("ruleTitle", "首问负责制度", "ruleKind", "new",
                "ruleIssuedOn", CampaignDriver.TODAY.toString()))),
            "commitmentReview", "承诺事项均已履行。"));
    driver.approveAsHead(code, department, CampaignModel.Consolidation.HEAD_APPROVES_SUMMARY);
    driver.complete(driver.open(code, CampaignModel.Consolidation.ASSESS_DEPARTMENT, department), "office",
        Map.of("assessmentGrade", "good", "assessmentRemarks", "整改到位。"));
  }

  @Test
  void shouldRectifyAProblemAddedInPhaseThree() {
    // given: a campaign whose plans the special meeting has approved
    String code = driver.launch("边查边改测试", exceptOne("dept-finance"));
    ProcessInstance campaign = campaign(code);
    driver.runtime.setVariable(campaign.getId(), CampaignModel.PLANS_APPROVED, true);
    // when: the office assigns a new problem
    ProcessInstance assignment = driver.runtime.startProcessInstanceByKey(CampaignModel.PROBLEM_ASSIGNMENT_PROCESS,
        Map.of(
            "campaignCode", code, "problemDepartment", "dept-finance", "problemSource", "complaint",
            "problemDescription", "群众投诉办事推诿", "problemCause", ""));
    driver.runJobs();
    // then: it is measured, rectified and closed like every other problem
    assertThat(assignment).isEnded();
    Task measure = driver.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.RectificationItem.DEFINE_MEASURE).singleResult();
    assertThat(measure).isNotNull();
    assertThat(driver.tasks.getIdentityLinksForTask(measure.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("dept-finance"));
    String problemCode = (String) driver.tasks.getVariable(measure.getId(),
        CampaignModel.RectificationItem.PROBLEM_CODE);
    driver.complete(measure, "finance-liaison",
        Map.of("measure", "建立首问负责制", "target", "群众反映的问题全部解决，建立长效机制", "responsible", "王敏",
            "rectificationDeadline", CampaignDriver.TODAY.plusDays(20).toString()));
    rectifyItem(code, problemCode);
    assertThat(
        history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
            .processInstanceBusinessKey(code).finished().count())
        .isEqualTo(1);
  }

  @Test
  void shouldMakeASpotCheckFindingARectificationItem() {
    // given: a campaign in its research phase
    String code = driver.launch("抽查测试", EXCLUDED);
    ProcessInstance campaign = campaign(code);
    driver.runtime.createProcessInstanceModification(campaign.getId())
        .cancelAllForActivity(CampaignModel.Campaign.MOBILIZATION_PHASE)
        .startBeforeActivity(CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE)
        .execute();
    // when: a random sample of two with a recorded seed, and a finding in the first department drawn
    driver.complete(driver.open(code, CampaignModel.Campaign.CHOOSE_SPOT_CHECK_SAMPLE).get(0), "inspector", Map.of(
        "samplingMethod", "random", "sampleSize", 2, "randomSeed", 20260813, "samplingNote", ""));
    JsonNode sample = JsonVariables.toJson(driver.runtime.getVariableTyped(campaign.getId(), "spotCheckSample", false));
    assertThat(sample).hasSize(2);
    assertThat(driver.runtime.getVariable(campaign.getId(), "spotCheckSeed")).isEqualTo(20260813L);
    List<Task> checks = driver.open(code, CampaignModel.Campaign.RECORD_SPOT_CHECK_FINDING);
    assertThat(checks).hasSize(2);
    String checked = (String) driver.tasks.getVariable(checks.get(0).getId(), "spotCheckDepartment");
    driver.complete(checks.get(0), "inspector", Map.of("spotCheckAction", "recordAndFinish",
        "spotCheckFinding", "台账记录不全", "spotCheckCause", "制度执行不严"));
    // then
    List<HistoricProcessInstance> items = items(code, checked);
    assertThat(items).hasSize(1);
    assertThat(driver.runtime.getVariable(items.get(0).getId(), "source")).isEqualTo("spotCheck");
    assertThat(items.get(0).getEndTime()).isNull();
  }

  @Test
  void shouldGiveNoTasksToADepartmentExcludedAtLaunch() {
    // when
    String code = driver.launch("排除测试", List.of("dept-market"));
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", mobilization());
    // then
    assertThat(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN)).hasSize(9);
    assertThat(
        driver.tasks.createTaskQuery().processInstanceBusinessKey(code).taskCandidateGroup("dept-market").count())
        .isZero();
    assertThat(driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .variableValueEquals(CampaignModel.DEPARTMENT, "dept-market").count()).isZero();
  }

  private static List<String> exceptOne(String department) {
    return List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-finance", "dept-market", "dept-education",
        "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng").stream()
        .filter(d -> !d.equals(department)).toList();
  }

  private static Map<String, Object> mobilization() {
    return Map.of("opinionsIssuedOn", CampaignDriver.TODAY.toString(), "opinionsTitle", "实施意见",
        "mobilizationMeetingOn", CampaignDriver.TODAY.toString(), "mobilizationMeetingNotes", "动员大会");
  }
}
