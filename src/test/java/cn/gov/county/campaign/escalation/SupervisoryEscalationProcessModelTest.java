package cn.gov.county.campaign.escalation;

import static cn.gov.county.campaign.escalation.EscalationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SupervisoryEscalationProcess with its decision table: an overdue department task climbs 催办 → 督办通知单 → 通报批评
 * → 诫勉谈话 → 组织处理建议 (a vertical unit: 报告上级主管部门), each step issued or stopped by its working body,
 * waiting a working day when the table says so; delivering the task ends it; a confirmed survey consequence runs
 * one step only.
 */
class SupervisoryEscalationProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  /** The ladder's order, as EscalationStep's severity. */
  private static final List<String> LADDER = List.of("REMINDER", "SUPERVISION_NOTICE", "NAMED_CRITICISM",
      "ADMONISHMENT_TALK", "ORGANIZATIONAL_HANDLING", "REPORT_TO_SUPERIOR");

  private final ModelDeadlines deadlines = new ModelDeadlines();
  /** The escalation ledger: steps issued ("STEP") and stopped ("STEP:stop"). */
  private final List<String> ledger = new ArrayList<>();
  private int workingDaysOverdue;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS, DECISION_TABLE));
    Mocks.register("deadlines", deadlines);
    // as EscalationSteps.assess: days overdue, steps of this ladder, the department's most severe step
    Mocks.register("assessOverdueDelegate", (JavaDelegate) execution -> {
      List<String> issued = ledger.stream().filter(s -> !s.endsWith(":stop")).toList();
      execution.setVariable(WORKING_DAYS_OVERDUE, workingDaysOverdue);
      execution.setVariable(STEPS_IN_THIS_ESCALATION, issued.size());
      execution.setVariable(MOST_SEVERE_STEP,
          issued.stream().max((a, b) -> LADDER.indexOf(a) - LADDER.indexOf(b)).orElse("NONE"));
      execution.setVariable(NEXT_CHECK_AT, deadlines.endOf(ModelDeadlines.today()));
    });
    Mocks.register("draftEscalationNoticeDelegate", (JavaDelegate) execution -> {
      execution.setVariable(NOTICE_TITLE, "关于" + execution.getVariable(STEP) + "的通知");
      execution.setVariable(DECISION, null);
      execution.setVariable(REASON, null);
      execution.setVariable(SELF_CRITICISM_REQUIRED, false);
    });
    Mocks.register("issueEscalationNoticeDelegate", (JavaDelegate) execution -> {
      String step = (String) execution.getVariable(STEP);
      ledger.add(step);
      execution.setVariable(LAST_NOTICE_NUMBER, "督字〔2027〕" + ledger.size() + "号");
      if ("SUPERVISION_NOTICE".equals(step)) {
        execution.setVariable(FEEDBACK_DUE, deadlines.fromNow(FEEDBACK_PERIOD));
      }
      if ("ADMONISHMENT_TALK".equals(step)) {
        execution.setVariable(SELF_CRITICISM_DUE, deadlines.fromNow(SELF_CRITICISM_PERIOD));
      }
    });
    Mocks.register("recordEscalationStopDelegate",
        (JavaDelegate) execution -> ledger.add(execution.getVariable(STEP) + ":" + STOP));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance overdue(String category) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, "ZG-2027-ABCD");
    variables.put(DEPARTMENT, "dept-finance");
    variables.put(UNIT_CATEGORY, category);
    variables.put(UNIT_HEAD, "finance-head");
    variables.put(OVERDUE_TASK_ID, "task-1");
    variables.put("overdueTaskName", "制定工作方案");
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "ZG-2027-ABCD", variables);
  }

  private void decide(ProcessInstance ladder, String decision, Object... more) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    variables.put(DECISION, decision);
    variables.put(REASON, ISSUE.equals(decision) ? null : "理由");
    complete(task(ladder), variables);
    execute(job(STOP.equals(decision) ? RECORD_STOP : ISSUE_NOTICE, ladder));
  }

  /** The next working day's check with the task overdue for the given number of working days. */
  private void nextCheck(ProcessInstance ladder, int days) {
    assertThat(ladder).isWaitingAt(NEXT_CHECK);
    workingDaysOverdue = days;
    execute(job(NEXT_CHECK, ladder));
  }

  private void climbToAdmonishmentTalk(ProcessInstance ladder) {
    decide(ladder, ISSUE);
    nextCheck(ladder, 3);
    decide(ladder, ISSUE);
    complete(task(SUBMIT_FEEDBACK, ladder), withVariables("feedback", "正在办理"));
    nextCheck(ladder, 8);
    decide(ladder, ISSUE);
    nextCheck(ladder, 13);
    assertThat(ladder).isWaitingAt(HOLD_ADMONISHMENT_TALK);
  }

  @Test
  void shouldHaveTheSupervisionOfficeIssueAReminderFirst() {
    // when
    ProcessInstance ladder = overdue("政府部门");

    // then
    assertThat(ladder).isWaitingAt(ISSUE_REMINDER).hasPassed(ASSESS_OVERDUE, DECIDE_STEP, DRAFT_NOTICE).variables()
        .containsEntry(STEP, "REMINDER").containsEntry(MOST_SEVERE_STEP, "NONE")
        .containsEntry(NOTICE_TITLE, "关于REMINDER的通知");
    assertThat(task(ladder)).hasCandidateGroup(Groups.SUPERVISION_OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
  }

  @Test
  void shouldWaitAWorkingDayAtATime_untilTheNextStepIsDue() {
    // given
    ProcessInstance ladder = overdue("政府部门");

    // when
    decide(ladder, ISSUE);

    // then: a reminder issued, 0 and 2 days overdue: no step yet
    assertThat(ledger).containsExactly("REMINDER");
    assertThat(ladder).isWaitingAt(NEXT_CHECK).variables().containsEntry(STEP, "WAIT")
        .containsEntry(LAST_NOTICE_NUMBER, "督字〔2027〕1号").containsEntry(MOST_SEVERE_STEP, "REMINDER");
    nextCheck(ladder, 2);
    assertThat(ladder).isWaitingAt(NEXT_CHECK);
  }

  @Test
  void shouldClimbTheWholeLadder_whileTheDepartmentDoesNotDeliver() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    decide(ladder, ISSUE);

    // when: 3 working days overdue
    nextCheck(ladder, 3);

    // then: the supervision office's 督办通知单, the department's written feedback
    assertThat(task(ladder)).hasDefinitionKey(ISSUE_SUPERVISION_NOTICE).hasCandidateGroup(Groups.SUPERVISION_OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    decide(ladder, "adjust");
    assertThat(task(ladder)).hasDefinitionKey(SUBMIT_FEEDBACK).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.fromNow(FEEDBACK_PERIOD));
    complete(task(ladder), withVariables("feedback", "正在办理"));
    nextCheck(ladder, 7);
    assertThat(ladder).isWaitingAt(NEXT_CHECK);

    // 8: 通报批评 by the office
    nextCheck(ladder, 8);
    assertThat(task(ladder)).hasDefinitionKey(ISSUE_NAMED_CRITICISM).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    decide(ladder, ISSUE);

    // 13: 诫勉谈话 by discipline inspection
    nextCheck(ladder, 13);
    assertThat(task(ladder)).hasDefinitionKey(HOLD_ADMONISHMENT_TALK).hasCandidateGroup(Groups.DISCIPLINE_INSPECTION)
        .hasDueDate(deadlines.fromNow("office-review"));
    decide(ladder, ISSUE, "talkDate", "2027-04-01");
    nextCheck(ladder, 19);
    assertThat(ladder).isWaitingAt(NEXT_CHECK);

    // 20: 组织处理建议 by the organization department
    nextCheck(ladder, 20);
    assertThat(task(ladder)).hasDefinitionKey(RECOMMEND_ORGANIZATIONAL_HANDLING)
        .hasCandidateGroup(Groups.ORGANIZATION_DEPT).hasDueDate(deadlines.fromNow("office-review"));
    decide(ladder, ISSUE);

    // then: nothing left on the ladder
    assertThat(ladder).isEnded().hasPassed(LADDER_EXHAUSTED_END).variables().containsEntry(STEP, "END");
    assertThat(ledger).containsExactly("REMINDER", "SUPERVISION_NOTICE", "NAMED_CRITICISM", "ADMONISHMENT_TALK",
        "ORGANIZATIONAL_HANDLING");
  }

  @Test
  void shouldReportAVerticalUnitToItsSuperior_insteadOfOrganizationalHandling() {
    // given
    ProcessInstance ladder = overdue(VERTICAL_UNIT);
    climbToAdmonishmentTalk(ladder);
    decide(ladder, ISSUE);

    // when
    nextCheck(ladder, 20);

    // then
    assertThat(task(ladder)).hasDefinitionKey(REPORT_TO_SUPERIOR).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    decide(ladder, ISSUE);
    assertThat(ladder).isEnded().hasPassed(LADDER_EXHAUSTED_END);
    assertThat(ledger).endsWith("ADMONISHMENT_TALK", "REPORT_TO_SUPERIOR");
  }

  @Test
  void shouldCheckAgain_whenTheFeedbackIsNotGivenInTime() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    decide(ladder, ISSUE);
    nextCheck(ladder, 3);
    decide(ladder, ISSUE);
    assertThat(ladder).isWaitingAt(SUBMIT_FEEDBACK);

    // when
    execute(job(FEEDBACK_OVERDUE, ladder));

    // then
    assertThat(ladder).hasPassed(FEEDBACK_OVERDUE).isWaitingAt(NEXT_CHECK);
    assertThat(task(ladder)).isNull();
  }

  @Test
  void shouldHaveTheUnitHeadWriteASelfCriticism_whenTheTalkRequiresIt() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    climbToAdmonishmentTalk(ladder);

    // when
    decide(ladder, ISSUE, SELF_CRITICISM_REQUIRED, true);

    // then
    assertThat(task(ladder)).hasDefinitionKey(WRITE_SELF_CRITICISM).isAssignedTo("finance-head")
        .hasDueDate(deadlines.fromNow(SELF_CRITICISM_PERIOD));
    complete(task(ladder), withVariables("selfCriticism", "检查"));
    assertThat(ladder).hasPassed(WRITE_SELF_CRITICISM).isWaitingAt(NEXT_CHECK);
  }

  @Test
  void shouldCheckAgain_whenTheSelfCriticismIsNotWrittenInTime() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    climbToAdmonishmentTalk(ladder);
    decide(ladder, ISSUE, SELF_CRITICISM_REQUIRED, true);

    // when
    execute(job(SELF_CRITICISM_OVERDUE, ladder));

    // then
    assertThat(ladder).hasPassed(SELF_CRITICISM_OVERDUE).isWaitingAt(NEXT_CHECK);
  }

  @Test
  void shouldStopTheLadder_whenTheIssuingBodyStopsIt() {
    // given
    ProcessInstance ladder = overdue("政府部门");

    // when
    decide(ladder, STOP);

    // then
    assertThat(ladder).isEnded().hasPassed(RECORD_STOP, ESCALATION_STOPPED_END).hasNotPassed(ISSUE_NOTICE);
    assertThat(ledger).containsExactly("REMINDER:stop");
  }

  @Test
  void shouldEndTheLadder_whenTheDepartmentDeliversWhileItWaits() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    decide(ladder, ISSUE);

    // when
    delivered();

    // then
    assertThat(ladder).isEnded().hasPassed(ESCALATION_ENDED_END).hasNotPassed(LADDER_EXHAUSTED_END);
  }

  @Test
  void shouldEndTheLadder_whenTheDepartmentDeliversBeforeAStepIsIssued() {
    // given
    ProcessInstance ladder = overdue("政府部门");
    decide(ladder, ISSUE);
    nextCheck(ladder, 3);
    assertThat(ladder).isWaitingAt(ISSUE_SUPERVISION_NOTICE);

    // when
    delivered();

    // then
    assertThat(ladder).isEnded().hasPassed(ESCALATION_ENDED_END);
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    assertThat(ledger).containsExactly("REMINDER");
  }

  @Test
  void shouldIssueAConfirmedSurveyConsequenceOnce_andEnd() {
    // when
    ProcessInstance ladder = survey("ADMONISHMENT_TALK");

    // then: straight to the step, no assessment
    assertThat(ladder).isWaitingAt(HOLD_ADMONISHMENT_TALK).hasNotPassed(ASSESS_OVERDUE);
    assertThat(task(ladder)).hasCandidateGroup(Groups.DISCIPLINE_INSPECTION);
    decide(ladder, ISSUE, SELF_CRITICISM_REQUIRED, true);
    complete(task(WRITE_SELF_CRITICISM, ladder), withVariables("selfCriticism", "检查"));
    assertThat(ladder).isEnded().hasPassed(SURVEY_CONSEQUENCE_APPLIED_END).hasNotPassed(NEXT_CHECK);
    assertThat(ledger).containsExactly("ADMONISHMENT_TALK");
  }

  @Test
  void shouldReportASurveyedVerticalUnitToItsSuperior_andEnd() {
    // when
    ProcessInstance ladder = survey("REPORT_TO_SUPERIOR");

    // then
    assertThat(task(ladder)).hasDefinitionKey(REPORT_TO_SUPERIOR).hasCandidateGroup(Groups.OFFICE);
    decide(ladder, ISSUE);
    assertThat(ladder).isEnded().hasPassed(SURVEY_CONSEQUENCE_APPLIED_END);
  }

  private ProcessInstance survey(String step) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, "MY-2027-0001");
    variables.put(DEPARTMENT, "dept-weather");
    variables.put(UNIT_CATEGORY, VERTICAL_UNIT);
    variables.put(UNIT_HEAD, "weather-head");
    variables.put(CAUSE, SURVEY_CAUSE);
    variables.put(OVERDUE_TASK_ID, "survey:1");
    variables.put(STEP, step);
    variables.put(WORKING_DAYS_OVERDUE, 0);
    return engine.getRuntimeService().createMessageCorrelation(SURVEY_MESSAGE)
        .processInstanceBusinessKey("MY-2027-0001")
        .setVariables(variables).correlateStartMessage();
  }

  private void delivered() {
    engine.getRuntimeService().createMessageCorrelation(DELIVERED_MESSAGE)
        .processInstanceVariableEquals(OVERDUE_TASK_ID, "task-1").correlateAllWithResult();
  }
}
