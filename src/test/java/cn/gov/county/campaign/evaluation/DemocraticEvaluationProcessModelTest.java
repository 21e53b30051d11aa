package cn.gov.county.campaign.evaluation;

import static cn.gov.county.campaign.evaluation.EvaluationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
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
 * DemocraticEvaluationProcess with its decision table: a leader's votes below the thresholds are only recorded;
 * above them (a third, twice 20%, a unit head of a poorly assessed unit) the organization department decides.
 */
class DemocraticEvaluationProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;
  /** Last year's record as CalculateVoteSharesDelegate finds it: {total, incompetent}, or none. */
  private int[] previousYear;
  private boolean teamHead;
  private String unitGrade;

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS, DECISION));
    deadlines = ModelTests.registerDeadlines();
    // as CalculateVoteSharesDelegate: the totals of the entered votes, last year's record, the unit's grade
    Mocks.register("calculateVoteSharesDelegate", (JavaDelegate) execution -> {
      int competent = (Integer) execution.getVariable(VOTES_COMPETENT);
      int basic = (Integer) execution.getVariable(VOTES_BASICALLY_COMPETENT);
      int incompetent = (Integer) execution.getVariable(VOTES_INCOMPETENT);
      execution.setVariable(DEPARTMENT_NAME, "县财政局");
      execution.setVariable(EVALUATION_KEY, evaluationKey("dept-finance", "王强", 2026));
      execution.setVariable(VOTES_TOTAL, competent + basic + incompetent);
      execution.setVariable(VOTES_BASIC_OR_INCOMPETENT, basic + incompetent);
      execution.setVariable(PREVIOUS_YEAR_RECORDED, previousYear != null);
      execution.setVariable(PREVIOUS_VOTES_TOTAL, previousYear == null ? null : previousYear[0]);
      execution.setVariable(PREVIOUS_VOTES_INCOMPETENT, previousYear == null ? null : previousYear[1]);
      execution.setVariable(IS_TEAM_HEAD, teamHead);
      execution.setVariable(UNIT_GRADE, unitGrade);
      execution.setVariable(PREVIOUS_UNIT_GRADE, null);
    });
    Mocks.register("recordEvaluationHandlingListener", new RecordEvaluationHandlingListener());
  }

  @AfterEach
  void reset() {
    engine.getIdentityService().clearAuthentication();
    ModelTests.reset();
  }

  private ProcessInstance record(int competent, int basicallyCompetent, int incompetent) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_CODE, "ZG-2026-ABCD");
    variables.put(DEPARTMENT, "dept-finance");
    variables.put(LEADER_NAME, "王强");
    variables.put(LEADER_POST, "副局长");
    variables.put(EVALUATION_YEAR, 2026);
    variables.put(VOTES_COMPETENT, competent);
    variables.put(VOTES_BASICALLY_COMPETENT, basicallyCompetent);
    variables.put(VOTES_INCOMPETENT, incompetent);
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
  }

  @Test
  void shouldOnlyRecordTheEvaluation_whenNoThresholdIsReached() {
    // when: 9 of 30 basically competent or incompetent, no record last year
    ProcessInstance evaluation = record(21, 6, 3);

    // then
    assertThat(evaluation).isEnded().hasPassed(CALCULATE_VOTE_SHARES, APPLY_THRESHOLDS, NOT_FLAGGED_END)
        .hasNotPassed(REVIEW_TASK);
    assertThat(evaluation).variables().containsEntry(FLAGGED, false).containsEntry(FLAG_REASON, "未触发处理条件")
        .containsEntry(VOTES_TOTAL, 30);
  }

  @Test
  void shouldGiveTheOrganizationDepartmentTheFlag_whenAThirdVotesBasicallyCompetentOrIncompetent() {
    // when: exactly 10 of 30
    ProcessInstance evaluation = record(20, 8, 2);

    // then
    assertThat(evaluation).isWaitingAt(REVIEW_TASK).variables().containsEntry(FLAGGED, true)
        .containsEntry(FLAG_REASON, "基本称职和不称职票合计达到三分之一");
    assertThat(task(evaluation)).hasName("研判民主测评结果").hasCandidateGroup(Groups.ORGANIZATION_DEPT)
        .hasDueDate(deadlines.fromNow("evaluation-review"));
  }

  @Test
  void shouldFlagTheLeader_whenIncompetentVotesReachTwentyPercentTwoYearsRunning() {
    // given
    previousYear = new int[]{30, 6};

    // when: 6 of 30 incompetent, 6 of 30 last year, under a third in all
    ProcessInstance evaluation = record(24, 0, 6);

    // then
    assertThat(evaluation).isWaitingAt(REVIEW_TASK).variables().containsEntry(FLAG_REASON, "连续两年不称职票达到20%");
  }

  @Test
  void shouldNotFlagTwentyPercentInOneYearOnly() {
    // given
    previousYear = new int[]{30, 5};

    // when
    ProcessInstance evaluation = record(24, 0, 6);

    // then
    assertThat(evaluation).isEnded().hasPassed(NOT_FLAGGED_END);
  }

  @Test
  void shouldFlagTheUnitHead_whenTheUnitWasAssessedPoor() {
    // given
    teamHead = true;
    unitGrade = "poor";

    // when: votes alone would not flag
    ProcessInstance evaluation = record(28, 2, 0);

    // then
    assertThat(evaluation).isWaitingAt(REVIEW_TASK).variables().containsEntry(FLAG_REASON, "单位年度考核为差");
  }

  @Test
  void shouldRecordWhoDecidedAndEnd_whenTheOrganizationDepartmentHasDecided() {
    // given
    ProcessInstance evaluation = record(20, 8, 2);

    // when
    engine.getIdentityService().setAuthenticatedUserId("org-reviewer");
    complete(task(evaluation), withVariables(HANDLING_DECISION, HandlingDecision.TALK_REMINDER.value(),
        HANDLING_OPINION, "谈话提醒，限期改进"));

    // then
    assertThat(evaluation).isEnded().hasPassed(REVIEW_TASK, FLAG_REVIEWED_END);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(evaluation.getId())
        .variableName(HANDLED_BY).singleResult().getValue()).isEqualTo("org-reviewer");
  }
}
