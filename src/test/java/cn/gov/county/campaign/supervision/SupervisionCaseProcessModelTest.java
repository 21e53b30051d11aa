package cn.gov.county.campaign.supervision;

import static cn.gov.county.campaign.supervision.SupervisionModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
 * SupervisionCaseProcess: the decision table proposes a measure, a working body decides it, and the case ends
 * at once, after the department's accepted written feedback, or with the organization department's handling.
 */
class SupervisionCaseProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final List<String> issued = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS, "SupervisionMeasureDecision"));
    Mocks.register("deadlines", deadlines);
    Mocks.register("prepareSupervisionDecisionDelegate",
        (JavaDelegate) execution -> execution.setVariable("caseFacts", "事实"));
    // as SupervisionCases.issue: the measure decides the follow-up; the deciding body reviews the feedback
    Mocks.register("issueSupervisionMeasureDelegate", (JavaDelegate) execution -> {
      String measure = (String) execution.getVariable(MEASURE);
      issued.add(measure);
      execution.setVariable(DECIDING_BODY, Groups.SUPERVISION_OFFICE);
      execution.setVariable(FOLLOW_UP, switch (measure) {
        case "rectificationNotice" -> FOLLOW_UP_FEEDBACK;
        case "organizationalHandling" -> FOLLOW_UP_HANDLING;
        default -> FOLLOW_UP_NONE;
      });
      execution.setVariable(FEEDBACK_DUE, deadlines.endOf("2027-03-20"));
    });
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance open(String seriousness, boolean repeated, String cadreName) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_CODE, "ZG-2027-ABCD");
    variables.put(DEPARTMENT, "dept-finance");
    variables.put(CADRE_NAME, cadreName);
    variables.put(FINDING_SOURCE, "spotCheck");
    variables.put(FINDING, "窗口人员脱岗");
    variables.put(SERIOUSNESS, seriousness);
    variables.put(REPEATED, repeated);
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS, variables);
  }

  private void decide(ProcessInstance supervisionCase, String measure) {
    complete(task(DECIDE_MEASURE, supervisionCase), withVariables(MEASURE, measure, REASON, "理由"));
    execute(job(ISSUE_MEASURE, supervisionCase));
  }

  @Test
  void shouldProposeAMeasureByTheDecisionTable_andLetTheWorkingBodiesDecide() {
    // when
    ProcessInstance supervisionCase = open("grave", true, "张三");

    // then
    assertThat(supervisionCase).isWaitingAt(DECIDE_MEASURE).variables()
        .containsEntry(PROPOSED_MEASURE, "organizationalHandling")
        .containsEntry(PROPOSAL_REASON, "情节严重，屡查屡犯，责任人明确").containsEntry("caseFacts", "事实");
    assertThat(task(supervisionCase)).hasCandidateGroup(Groups.OFFICE).hasCandidateGroup(Groups.SUPERVISION_OFFICE)
        .hasCandidateGroup(Groups.DISCIPLINE_INSPECTION).hasCandidateGroup(Groups.ORGANIZATION_DEPT)
        .hasDueDate(deadlines.fromNow("office-review"));
  }

  @Test
  void shouldNotProposeHandlingOfACadre_whenNoCadreIsNamed() {
    // when
    ProcessInstance supervisionCase = open("grave", true, " ");

    // then
    assertThat(supervisionCase).variables().containsEntry(PROPOSED_MEASURE, "namedCriticism");
  }

  @Test
  void shouldEndTheCase_whenTheIssuedMeasureNeedsNoFollowUp() {
    // given
    ProcessInstance supervisionCase = open("serious", false, null);
    assertThat(supervisionCase).variables().containsEntry(PROPOSED_MEASURE, "supervisionNotice");

    // when
    decide(supervisionCase, "supervisionNotice");

    // then
    assertThat(supervisionCase).isEnded().hasPassed(MEASURE_ISSUED_END);
    assertThat(issued).containsExactly("supervisionNotice");
  }

  @Test
  void shouldCloseTheCase_whenTheDecidingBodyAcceptsTheDepartmentsWrittenFeedback() {
    // given
    ProcessInstance supervisionCase = open("serious", false, null);
    decide(supervisionCase, "rectificationNotice");
    assertThat(task(supervisionCase)).hasDefinitionKey(SUBMIT_FEEDBACK).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.endOf("2027-03-20"));
    complete(task(supervisionCase), withVariables("feedback", "已整改"));
    assertThat(task(supervisionCase)).hasDefinitionKey(REVIEW_FEEDBACK).hasCandidateGroup(Groups.SUPERVISION_OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(supervisionCase), withVariables(FEEDBACK_DECISION, FEEDBACK_ACCEPTED));

    // then
    assertThat(supervisionCase).isEnded().hasPassed(CASE_CLOSED_END);
  }

  @Test
  void shouldAskForTheFeedbackAgain_whenTheDecidingBodyReturnsIt() {
    // given
    ProcessInstance supervisionCase = open("serious", false, null);
    decide(supervisionCase, "rectificationNotice");
    complete(task(supervisionCase), withVariables("feedback", "草稿"));

    // when
    complete(task(supervisionCase), withVariables(FEEDBACK_DECISION, FEEDBACK_RETURNED));

    // then
    assertThat(supervisionCase).isWaitingAt(SUBMIT_FEEDBACK);
    assertThat(task(supervisionCase)).hasCandidateGroup("dept-finance");
  }

  @Test
  void shouldHaveTheOrganizationDepartmentRecordItsDecision_whenHandlingIsProposedToIt() {
    // given
    ProcessInstance supervisionCase = open("grave", true, "张三");

    // when
    decide(supervisionCase, "organizationalHandling");

    // then
    assertThat(task(supervisionCase)).hasDefinitionKey(RECORD_HANDLING).hasCandidateGroup(Groups.ORGANIZATION_DEPT)
        .hasDueDate(deadlines.fromNow("evaluation-review"));
    complete(task(supervisionCase));
    assertThat(supervisionCase).isEnded().hasPassed(HANDLING_RECORDED_END);
  }
}
