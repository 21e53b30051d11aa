package cn.gov.county.campaign.assessment;

import static cn.gov.county.campaign.assessment.AssessmentModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AnnualAssessmentProcess: the year's committed leaders report first (one task each, or none), then the units
 * are scored, the office enters performance, confirms the ranking, and the result is published as a notice.
 */
class AnnualAssessmentProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;
  private final List<String> steps = new ArrayList<>();

  /** The {@code leaderFulfilment} bean of the model: leaders from a list, their reports recorded. */
  public static class FakeLeaderFulfilment {
    List<String> leaders = List.of();
    final List<String> reported = new ArrayList<>();

    public void listLeaders(DelegateExecution execution) {
      execution.setVariable(LeaderFulfilment.LEADERS, new ArrayList<>(leaders));
    }

    public void prepareReport(DelegateTask task) {
      task.setVariableLocal(LEADER_COMMITMENTS, "2026年承诺：" + task.getVariable(LEADER));
      task.setVariableLocal(FULFILMENT_REPORT, null);
    }

    public void reported(DelegateTask task) {
      reported.add(task.getAssignee());
    }
  }

  private final FakeLeaderFulfilment fulfilment = new FakeLeaderFulfilment();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS));
    deadlines = ModelTests.registerDeadlines();
    Mocks.register("leaderFulfilment", fulfilment);
    Mocks.register("scoreAnnualAssessmentDelegate", (JavaDelegate) execution -> steps.add("score"));
    Mocks.register("rankAnnualAssessmentDelegate", (JavaDelegate) execution -> {
      steps.add("rank");
      execution.setVariable(COMMENDED_UNITS, "县财政局");
      execution.setVariable(ACCOUNTABLE_UNITS, "无");
    });
    Mocks.register("publishAnnualAssessmentDelegate", (JavaDelegate) execution -> {
      steps.add("publish");
      execution.setVariable(NOTICE_NUMBER, "作整办通〔2026〕12号");
    });
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance start() {
    ProcessInstance assessment = engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        withVariables(YEAR, 2026));
    assertThat(assessment).isWaitingAt(LIST_LEADERS);
    execute(job(LIST_LEADERS, assessment));
    return assessment;
  }

  @Test
  void shouldGiveEachCommittedLeaderHisOwnReport_beforeTheUnitsAreScored() {
    // given
    fulfilment.leaders = List.of("finance-head", "finance-deputy");

    // when
    ProcessInstance assessment = start();

    // then
    List<Task> reports = taskQuery().processInstanceId(assessment.getId()).taskDefinitionKey(REPORT_FULFILMENT_TASK)
        .orderByTaskAssignee().asc().list();
    assertThat(reports).extracting(Task::getAssignee).containsExactly("finance-deputy", "finance-head");
    for (Task report : reports) {
      assertThat(report).hasName("述职述廉：报告履行承诺情况").hasDueDate(deadlines.fromNow("evaluation-review"));
      assertThat(engine.getTaskService().getVariableLocal(report.getId(), LEADER_COMMITMENTS))
          .isEqualTo("2026年承诺：" + report.getAssignee());
    }
    assertThat(steps).isEmpty();

    // when
    complete(reports.get(0), withVariables(FULFILMENT_REPORT, "已履行"));

    // then: the other leader still reports
    assertThat(assessment).isWaitingAt(REPORT_FULFILMENT_TASK);
    assertThat(fulfilment.reported).containsExactly("finance-deputy");

    // when
    complete(reports.get(1), withVariables(FULFILMENT_REPORT, "已履行"));

    // then
    assertThat(fulfilment.reported).containsExactly("finance-deputy", "finance-head");
    assertThat(assessment).isWaitingAt(SCORE_UNITS);
  }

  @Test
  void shouldScoreAtOnce_whenNoLeaderCommittedThisYear() {
    // when
    ProcessInstance assessment = start();

    // then
    assertThat(assessment).isWaitingAt(SCORE_UNITS);
    assertThat(fulfilment.reported).isEmpty();
  }

  @Test
  void shouldLetTheOfficeScoreConfirmAndPublish_afterTheReports() {
    // given
    ProcessInstance assessment = start();

    // when
    execute(job(SCORE_UNITS, assessment));

    // then
    assertThat(assessment).isWaitingAt(PERFORMANCE_TASK);
    assertThat(task(assessment)).hasName("评定各单位实绩").hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("evaluation-review"));

    // when
    complete(task(assessment), withVariables(AnnualAssessments.PERFORMANCE, "[]"));

    // then
    assertThat(steps).containsExactly("score", "rank");
    assertThat(assessment).isWaitingAt(CONFIRM_TASK);
    assertThat(task(assessment)).hasName("审定考核评比结果").hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("evaluation-review"));

    // when
    complete(task(assessment), withVariables(ACCOUNTABILITY_DECISION, "同意"));

    // then: published in a job of its own
    assertThat(assessment).isWaitingAt(PUBLISH);
    execute(job(PUBLISH, assessment));
    assertThat(steps).containsExactly("score", "rank", "publish");
    assertThat(assessment).isEnded().hasPassed(PUBLISHED_END).variables()
        .containsEntry(NOTICE_NUMBER, "作整办通〔2026〕12号").containsEntry(COMMENDED_UNITS, "县财政局");
  }
}
