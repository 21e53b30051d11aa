package cn.gov.county.campaign.survey;

import static cn.gov.county.campaign.survey.SurveyModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SatisfactionSurveyProcess: round 1 (作风问计) is reviewed by the office and every surveyed unit proposes
 * measures; a counted round waits for the joint meeting, then its confirmed consequences start an escalation
 * step each, and an admonishment talk also a rectification item and a public commitment of the unit's own.
 */
class SatisfactionSurveyProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private ModelDeadlines deadlines;
  private final List<String> steps = new ArrayList<>();
  /** The units' consequences the joint meeting confirmed: department → admonishment talk (rectification). */
  private final Map<String, Boolean> confirmed = new LinkedHashMap<>();

  /** The {@code surveyConsequences} bean of the model: the round's units, names and facts. */
  public static class FakeSurveyConsequences {
    private final Map<String, Boolean> confirmed;

    FakeSurveyConsequences(Map<String, Boolean> confirmed) {
      this.confirmed = confirmed;
    }

    public List<String> surveyedDepartments(VariableScope execution) {
      return List.of("dept-finance", "dept-meteorology");
    }

    public List<String> confirmedDepartments(VariableScope execution) {
      return new ArrayList<>(confirmed.keySet());
    }

    public String departmentName(VariableScope execution, String department) {
      return "dept-finance".equals(department) ? "县财政局" : "县气象局";
    }

    public String facts(VariableScope execution, String department) {
      return departmentName(execution, department) + "的测评情况";
    }
  }

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS), MEASURES_PROCESS, COMMITMENT_PROCESS);
    deadlines = ModelTests.registerDeadlines();
    Mocks.register("surveyConsequences", new FakeSurveyConsequences(confirmed));
    Mocks.register("prepareSurveyEntryDelegate", (JavaDelegate) execution -> steps.add("prepare"));
    // as SurveySteps: the round number decides whether the results count
    Mocks.register("rankSurveyDelegate", (JavaDelegate) execution -> {
      steps.add("rank");
      execution.setVariable(COUNTS, SurveyModel.countsForConsequences((Integer) execution.getVariable(ROUND)));
      execution.setVariable(RANKING_TEXT, "| 单位 | 得分 |");
    });
    Mocks.register("reportVerticalUnitsDelegate", (JavaDelegate) execution -> steps.add("reportVertical"));
    Mocks.register("collectSurveyMeasuresDelegate", (JavaDelegate) execution -> steps.add("collect"));
    Mocks.register("publishSurveyResultsDelegate", (JavaDelegate) execution -> steps.add("publish"));
    Mocks.register("startSurveyEscalationDelegate", (JavaDelegate) execution -> {
      String department = (String) execution.getVariable(DEPARTMENT);
      steps.add("escalate " + department);
      execution.setVariableLocal(DEPARTMENT_NAME, "dept-finance".equals(department) ? "县财政局" : "县气象局");
      execution.setVariableLocal(FACTS, department + " 第二轮倒数");
      execution.setVariableLocal(RECTIFICATION_REQUIRED, confirmed.get(department));
    });
    Mocks.register("registerSurveyRectificationDelegate", (JavaDelegate) execution -> {
      steps.add("register " + execution.getVariable(DEPARTMENT));
      execution.setVariableLocal(PROBLEM_CODE, "ZG-2026-ABCD-014");
    });
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance start(int round) {
    ProcessInstance survey = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "ZG-2026-ABCD",
        withVariables(CAMPAIGN_CODE, "ZG-2026-ABCD", CAMPAIGN_NAME, "2026年作风整顿", ROUND, round, ROUND_NAME,
            "第" + round + "轮", SURVEY_DATE, "2026-09-20"));
    assertThat(survey).isWaitingAt(ENTRY_TASK);
    assertThat(task(survey)).hasName("录入测评结果").hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));
    complete(task(survey), withVariables(RESULTS, "[]"));
    return survey;
  }

  /** Runs the instance's jobs (async steps, one per multi-instance element) until none is left. */
  private void runJobs(ProcessInstance survey) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(survey.getId()).list())
        .isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private List<ProcessInstance> called(String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .orderByBusinessKey().asc().list();
  }

  private Map<String, Object> variablesOf(ProcessInstance instance) {
    return engine.getRuntimeService().getVariables(instance.getId());
  }

  private void completeStub(ProcessInstance instance) {
    Task stub = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(stub.getId());
  }

  @Test
  void shouldHaveTheOfficeReviewRoundOne_andEverySurveyedUnitProposeMeasuresWithItsOwnResult() {
    // when
    ProcessInstance survey = start(1);

    // then
    assertThat(steps).containsExactly("prepare", "rank");
    assertThat(survey).isWaitingAt(DIAGNOSTIC_REVIEW_TASK);
    assertThat(task(survey)).hasName("审定作风问计测评结果").hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(survey), withVariables(DIAGNOSTIC_REQUIREMENTS, "结合民意调查提出整改措施"));

    // then: the vertical units are reported in a job of their own, then one measures process per unit
    assertThat(survey).isWaitingAt(REPORT_VERTICAL_UNITS);
    runJobs(survey);
    assertThat(steps).containsExactly("prepare", "rank", "reportVertical");
    List<ProcessInstance> measures = called(MEASURES_PROCESS);
    assertThat(measures).hasSize(2).allSatisfy(m -> assertThat(m.getBusinessKey()).isEqualTo("ZG-2026-ABCD"));
    assertThat(measures).extracting(this::variablesOf).extracting(v -> v.get(DEPARTMENT))
        .containsExactlyInAnyOrder("dept-finance", "dept-meteorology");
    for (ProcessInstance m : measures) {
      Map<String, Object> own = variablesOf(m);
      assertThat(own).containsEntry(FACTS, own.get(DEPARTMENT_NAME) + "的测评情况")
          .containsEntry(DIAGNOSTIC_REQUIREMENTS, "结合民意调查提出整改措施")
          .doesNotContainKeys(RESULTS, RANKING_TEXT, COUNTS, ROUND);
    }

    // when
    measures.forEach(this::completeStub);

    // then
    assertThat(steps).endsWith("collect");
    assertThat(survey).isWaitingAt(PUBLICATION_TASK);
    assertThat(task(survey)).hasName("记录媒体公布情况").hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(survey), withVariables(MEDIUM, "县融媒体中心", PUBLICATION_DATE, "2026-10-09", PUBLICATION_CONTENT,
        "各单位整改措施"));
    runJobs(survey);

    // then: no consequences in round 1
    assertThat(steps).containsExactly("prepare", "rank", "reportVertical", "collect", "publish");
    assertThat(survey).isEnded().hasPassed(ROUND_CLOSED_END).hasNotPassed(CONFIRM_CONSEQUENCES_TASK,
        START_ESCALATION_STEP);
  }

  @Test
  void shouldWaitForTheJointMeeting_thenStartEachConfirmedConsequence_whenTheRoundCounts() {
    // given: the finance bureau gets an admonishment talk, the meteorology bureau is reported to its superior
    confirmed.put("dept-finance", true);
    confirmed.put("dept-meteorology", false);

    // when
    ProcessInstance survey = start(2);

    // then: the leading group's task, nothing reported or published yet
    assertThat(survey).isWaitingAt(CONFIRM_CONSEQUENCES_TASK);
    assertThat(task(survey)).hasName("联席会议审定测评结果和运用措施").hasCandidateGroup(Groups.LEADING_GROUP)
        .hasDueDate(deadlines.fromNow("phase-task"));
    assertThat(steps).containsExactly("prepare", "rank");

    // when
    complete(task(survey), withVariables(MEETING_DATE, "2026-09-22", MEETING_PARTICIPANTS, "领导小组成员单位",
        MEETING_DECISION, "同意"));
    runJobs(survey);

    // then: no measures round, straight to the publication
    assertThat(called(MEASURES_PROCESS)).isEmpty();
    assertThat(survey).isWaitingAt(PUBLICATION_TASK);

    // when
    complete(task(survey), withVariables(MEDIUM, "县融媒体中心", PUBLICATION_DATE, "2026-09-23", PUBLICATION_CONTENT,
        "第二轮测评结果"));
    runJobs(survey);

    // then
    assertThat(steps.subList(0, 4)).containsExactly("prepare", "rank", "reportVertical", "publish");
    assertThat(steps.subList(4, steps.size())).containsExactlyInAnyOrder("escalate dept-finance",
        "register dept-finance", "escalate dept-meteorology");
    assertThat(steps.indexOf("register dept-finance")).isGreaterThan(steps.indexOf("escalate dept-finance"));
    List<ProcessInstance> commitments = called(COMMITMENT_PROCESS);
    assertThat(commitments).hasSize(1);
    assertThat(variablesOf(commitments.get(0))).containsEntry(DEPARTMENT, "dept-finance")
        .containsEntry(DEPARTMENT_NAME, "县财政局").containsEntry(PROBLEM_CODE, "ZG-2026-ABCD-014")
        .containsEntry(FACTS, "dept-finance 第二轮倒数").doesNotContainKeys(RESULTS, RANKING_TEXT, MEETING_DECISION);
    assertThat(survey).hasPassed(ESCALATION_STEP_STARTED_END).isWaitingAt(MAKE_COMMITMENT);

    // when
    completeStub(commitments.get(0));

    // then
    assertThat(survey).isEnded().hasPassed(REGISTER_RECTIFICATION, COMMITMENT_MADE_END, ROUND_CLOSED_END)
        .hasNotPassed(DIAGNOSTIC_REVIEW_TASK, PROPOSE_MEASURES);
  }

  @Test
  void shouldCloseTheCountedRound_afterThePublication_whenNoConsequenceIsConfirmed() {
    // given
    ProcessInstance survey = start(3);
    complete(task(survey), withVariables(MEETING_DATE, "2026-12-01", MEETING_PARTICIPANTS, "领导小组成员单位",
        MEETING_DECISION, "均不采用"));
    runJobs(survey);

    // when
    complete(task(survey), withVariables(MEDIUM, "县融媒体中心", PUBLICATION_DATE, "2026-12-02", PUBLICATION_CONTENT,
        "第三轮测评结果"));
    runJobs(survey);

    // then
    assertThat(steps).containsExactly("prepare", "rank", "reportVertical", "publish");
    assertThat(survey).isEnded().hasPassed(PUBLISH_RESULTS, ROUND_CLOSED_END).hasNotPassed(START_ESCALATION_STEP);
    assertThat(called(COMMITMENT_PROCESS)).isEmpty();
  }
}
