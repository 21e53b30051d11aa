package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisory escalation ladder on the 2026 working-day calendar with a moved engine clock: a
 * department that misses the self-inspection report date (Thursday 2026-08-20) climbs the ladder
 * step by step while its task stays open; delivering stops it; a vertically managed unit is
 * reported to its superior instead of organizational handling.
 */
@CampaignIntegrationTest
class SupervisoryEscalationTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService history;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  EscalationLedger ledger;

  @Autowired
  Notices notices;

  @Autowired
  Notifications notifications;

  @LocalServerPort
  int port;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDepartmentThatMissesTheSelfInspectionDeadlineClimbsEveryStepOfTheLadderInOrder() {
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-taxation"));

    Map<String, List<String>> steps = climb(code, LocalDate.of(2026, 8, 21), LocalDate.of(2026, 9, 18));

    // thresholds of the DMN table (3, 8, 13, 20 working days) on the 2026 calendar after Thu 2026-08-20;
    // meanwhile phase 3 opened on its date (Mon 08-31) with the rectification plan, due in 10 days,
    // which the departments leave undone too: its own ladder starts with a reminder on Fri 09-11
    assertThat(steps.get("dept-finance")).containsExactly("2026-08-21 催办", "2026-08-25 督办通知单",
        "2026-09-01 通报批评", "2026-09-08 诫勉谈话", "2026-09-11 催办", "2026-09-17 组织处理建议");
    assertThat(steps.get("dept-taxation")).containsExactly("2026-08-21 催办", "2026-08-25 督办通知单",
        "2026-09-01 通报批评", "2026-09-08 诫勉谈话", "2026-09-11 催办", "2026-09-17 报告上级主管部门");

    // the overdue task stayed open all along; the ladder is exhausted
    Task workPlan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    assertThat(workPlan.getDueDate()).isEqualTo(AugustCampaign.endOf(AugustCampaign.REPORT_DUE));
    HistoricProcessInstance ladder = ladderFor(workPlan.getId());
    assertThat(ladder.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ladder.getId())
        .activityId(EscalationModel.LADDER_EXHAUSTED_END).count()).isEqualTo(1);

    // every step issued a numbered notice; numbers run 1..12 in the campaign and never repeat
    List<IssuedNotice> issued = notices.ofCampaign(code, null);
    assertThat(issued).hasSize(12);
    assertThat(issued).extracting(IssuedNotice::number).doesNotHaveDuplicates()
        .allMatch(n -> n.matches(java.util.regex.Pattern.quote(code) + "〔2026〕([1-9]|1[0-2])号"));
    IssuedNotice report = issued.stream().filter(n -> n.kind() == NoticeKind.REPORT_TO_SUPERIOR).findFirst()
        .orElseThrow();
    assertThat(report.department()).isEqualTo("dept-taxation");
    assertThat(notices.html(report.id()).orElseThrow()).contains("国家税务总局某市税务局").contains("县作风建设活动领导小组办公室");
    IssuedNotice handling = issued.stream().filter(n -> n.kind() == NoticeKind.ORGANIZATIONAL_HANDLING).findFirst()
        .orElseThrow();
    assertThat(notices.html(handling.id()).orElseThrow()).contains("县委组织部").contains("郑国平");

    // the department's liaison heard of every step, its unit head from the supervision notice on,
    // and the office of every step
    List<NotificationRecord> told = notifications.ofCampaign(code, "dept-finance");
    assertThat(told)
        .filteredOn(n -> n.eventKey().startsWith("escalation:") && n.recipientId().equals("finance-liaison"))
        .hasSize(6);
    assertThat(told).filteredOn(n -> n.eventKey().startsWith("escalation:") && n.recipientId().equals("finance-head"))
        .extracting(NotificationRecord::subject)
        .hasSize(4).noneMatch(s -> s.contains("【催办】"));
    assertThat(told).filteredOn(n -> n.eventKey().startsWith("escalation:") && n.recipientId().equals("office"))
        .hasSize(6);
    assertThat(told).filteredOn(n -> n.eventKey().startsWith("overdue:") && n.recipientId().equals("finance-liaison"))
        .hasSize(2);

    // the department's record of the work plan: how late, which steps
    assertThat(ledger.steps(code, "dept-finance")).filteredOn(step -> step.taskId().equals(workPlan.getId()))
        .extracting(EscalationLedger.Step::workingDaysOverdue).containsExactly(1, 3, 8, 13, 20);
  }

  @Test
  void deliveringStopsTheLadderAndTheRecordKeepsWhatHappened() {
    String code = AugustCampaign.launch(driver, List.of("dept-market"));
    Map<String, List<String>> steps = climb(code, LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 25));
    assertThat(steps.get("dept-market")).containsExactly("2026-08-21 催办", "2026-08-25 督办通知单");
    Task workPlan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-market");
    String ladderId = ladderFor(workPlan.getId()).getId();
    assertThat(driver.tasks.createTaskQuery().processInstanceId(ladderId).taskDefinitionKey(
        EscalationModel.SUBMIT_FEEDBACK).count()).isEqualTo(1);

    // the department delivers its overdue work plan: the ladder ends at once, its feedback task with it
    driver.complete(workPlan, "market-liaison", Map.of("workPlan", "成立工作专班，分三步开展自查自纠。", "workPlanLeader", "局长"));

    assertThat(ladderFor(workPlan.getId()).getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ladderId)
        .activityId(EscalationModel.ESCALATION_ENDED_END).count()).isEqualTo(1);
    assertThat(driver.tasks.createTaskQuery().processInstanceId(ladderId).count()).isZero();
    assertThat(ledger.escalations(code, "dept-market")).filteredOn(e -> e.taskId().equals(workPlan.getId()))
        .singleElement().satisfies(e -> assertThat(e.deliveredAt()).isNotNull());
    assertThat(ledger.steps(code, "dept-market")).filteredOn(s -> s.taskId().equals(workPlan.getId()))
        .extracting(EscalationLedger.Step::step).containsExactly("REMINDER", "SUPERVISION_NOTICE");
    // the next task (对照清单自查, due with the mobilization phase on 08-14) is overdue the moment it
    // exists: its deadline timer fires at once and its own ladder starts, with no scan to wait for
    Task selfInspection = driver.open(code, CampaignModel.SelfInspection.SELF_INSPECT, "dept-market");
    assertThat(ledger.escalations(code, "dept-market")).filteredOn(e -> e.taskId().equals(selfInspection.getId()))
        .singleElement().satisfies(e -> assertThat(e.deliveredAt()).isNull());
  }

  @Test
  void theIssuingBodyStopsAStepOnlyWithAReasonAndTheLadderEndsThere() {
    String code = AugustCampaign.launch(driver, List.of("dept-education"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    driver.runJobs();
    Task reminder = escalationTasks(code).get(0);
    assertThat(reminder.getTaskDefinitionKey()).isEqualTo(EscalationModel.ISSUE_REMINDER);
    String complete = "/engine-rest/task/" + reminder.getId() + "/complete";
    Map<String, Object> form = new HashMap<>(Map.of("noticeTitle", "关于催办县教育局「制定工作方案」的通知",
        "noticeBody", "现予催办。", "escalationDecision", "stop"));
    assertThat(rest.post("supervisor", "/engine-rest/task/" + reminder.getId() + "/claim",
        "{\"userId\":\"supervisor\"}").status()).isEqualTo(204);

    // auditors read, never write; a stop without a reason is refused, naming the field
    assertThat(rest.post("auditor", complete, CampaignRest.variables(form)).status()).isEqualTo(403);
    CampaignRest.Reply refused = rest.post("supervisor", complete, CampaignRest.variables(form));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("「理由」");
    assertThat(driver.tasks.createTaskQuery().taskId(reminder.getId()).count()).isEqualTo(1);

    form.put("escalationReason", "该局已书面说明系因系统故障延误，并于当日补报。");
    assertThat(rest.post("supervisor", complete, CampaignRest.variables(form)).status()).isEqualTo(204);
    driver.runJobs();

    String ladderId = escalationOf(code, "dept-education");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ladderId)
        .activityId(EscalationModel.ESCALATION_STOPPED_END).count()).isEqualTo(1);
    assertThat(ledger.steps(code, "dept-education")).singleElement().satisfies(step -> {
      assertThat(step.decision()).isEqualTo("stop");
      assertThat(step.reason()).contains("系统故障");
      assertThat(step.takenBy()).isEqualTo("supervisor");
      assertThat(step.noticeNumber()).isNull();
    });
    assertThat(notices.ofCampaign(code, null)).isEmpty();

    // the supervision record: auditors read all, the department its own, no other department
    String record = "/campaign/api/escalations?campaignCode=" + code;
    assertThat(rest.get("auditor", record).json().get("steps").get(0).get("reason").asText()).contains("系统故障");
    assertThat(rest.get("education-liaison", record + "&department=dept-education").status()).isEqualTo(200);
    assertThat(rest.get("finance-liaison", record + "&department=dept-education").status()).isEqualTo(403);
    assertThat(rest.get("education-liaison", record).status()).isEqualTo(403);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Map<String, List<String>> climb(String code, LocalDate first, LocalDate last) {
    return EscalationClimb.climb(code, first, last, watch::scan, driver);
  }

  private List<Task> escalationTasks(String code) {
    return EscalationClimb.escalationTasks(driver, code);
  }

  private String escalationOf(String code, String department) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
        .processInstanceBusinessKey(code).variableValueEquals(EscalationModel.DEPARTMENT, department).singleResult()
        .getId();
  }

  private HistoricProcessInstance ladderFor(String taskId) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(EscalationModel.PROCESS)
        .variableValueEquals(EscalationModel.OVERDUE_TASK_ID, taskId).singleResult();
  }
}
