package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.campaign.CampaignModel.SelfInspection.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.publicity.PublicCommitments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * DepartmentSelfInspectionProcess: work plan, the discussion (in time or closed unrecorded), self-inspection
 * and the commitments of unit, leaders and staff, the report through the head and the office.
 */
class DepartmentSelfInspectionProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final PublicCommitments publicCommitments = mock(PublicCommitments.class);
  private final List<String> registeredReports = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.SELF_INSPECTION_PROCESS));
    OrganizationDirectory directory = mock(OrganizationDirectory.class);
    when(directory.headOf("dept-finance")).thenReturn("finance-head");
    when(directory.leadingTeamOf("dept-finance")).thenReturn(List.of("finance-deputy1", "finance-deputy2"));
    Mocks.register("deadlines", deadlines);
    Mocks.register("organizationDirectory", directory);
    Mocks.register("publicCommitments", publicCommitments);
    Mocks.register("registerSelfInspectionProblemsDelegate",
        (JavaDelegate) execution -> registeredReports.add((String) execution.getVariable(REPORT)));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance start() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, "ZG-2026-01");
    variables.put(CampaignModel.DEPARTMENT, "dept-finance");
    variables.put(CampaignModel.UNIT_HEAD, "finance-head");
    variables.put(CampaignModel.DISCUSSION_START, "2026-08-10");
    variables.put(CampaignModel.DISCUSSION_END, "2026-08-20");
    variables.put(CampaignModel.SELF_INSPECTION_DUE_DATE, "2026-08-28");
    return engine.getRuntimeService().startProcessInstanceByKey(CampaignModel.SELF_INSPECTION_PROCESS, "ZG-2026-01",
        variables);
  }

  private ProcessInstance withWorkPlan() {
    ProcessInstance inspection = start();
    complete(task(DRAFT_WORK_PLAN, inspection), withVariables("workPlan", "方案"));
    return inspection;
  }

  private void commit(ProcessInstance inspection) {
    complete(task(SELF_INSPECT, inspection));
    complete(task(SIGN_UNIT_COMMITMENT, inspection));
    for (Task leader : taskQuery().processInstanceId(inspection.getId()).taskDefinitionKey(SIGN_LEADER_COMMITMENT)
        .list()) {
      complete(leader);
    }
    complete(task(ENTER_STAFF_COMMITMENTS, inspection));
    execute(job(PUBLISH_COMMITMENTS, inspection));
  }

  /** Work plan, discussion recorded, commitments published: the report is due. */
  private ProcessInstance readyToReport() {
    ProcessInstance inspection = withWorkPlan();
    execute(job(DISCUSSION_OPENS, inspection));
    complete(task(RECORD_DISCUSSION, inspection));
    execute(job(MARK_DISCUSSION_RECORDED, inspection));
    commit(inspection);
    return inspection;
  }

  private void submitReport(ProcessInstance inspection, String report) {
    complete(task(SUBMIT_REPORT, inspection), withVariables(REPORT, report));
  }

  @Test
  void shouldAskTheDepartmentForItsWorkPlan_byTheSelfInspectionDueDate() {
    // when
    ProcessInstance inspection = start();

    // then
    assertThat(inspection).isWaitingAt(DRAFT_WORK_PLAN);
    assertThat(task(inspection)).hasCandidateGroup("dept-finance").hasDueDate(deadlines.endOf("2026-08-28"));
  }

  @Test
  void shouldSelfInspectAndWaitForTheDiscussionDate_whenTheWorkPlanIsDone() {
    // when
    ProcessInstance inspection = withWorkPlan();

    // then
    assertThat(inspection).isWaitingAt(DISCUSSION_OPENS, SELF_INSPECT);
    assertThat(job(DISCUSSION_OPENS, inspection).getDuedate()).isEqualTo(deadlines.startOf("2026-08-10"));
    assertThat(task(SELF_INSPECT, inspection)).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.endOf("2026-08-28"));
  }

  @Test
  void shouldRecordTheDiscussionAsHeld_whenItIsRecordedBeforeItCloses() {
    // given
    ProcessInstance inspection = withWorkPlan();
    execute(job(DISCUSSION_OPENS, inspection));
    assertThat(task(RECORD_DISCUSSION, inspection)).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.endOf("2026-08-20"));
    assertThat(job(DISCUSSION_CLOSED, inspection).getDuedate()).isEqualTo(deadlines.endOf("2026-08-20"));

    // when
    complete(task(RECORD_DISCUSSION, inspection));
    execute(job(MARK_DISCUSSION_RECORDED, inspection));

    // then
    assertThat(inspection).variables().containsEntry(DISCUSSION_MISSING, false);
    assertThat(inspection).isWaitingAt(SELF_INSPECT);
  }

  @Test
  void shouldRecordTheDiscussionAsMissing_whenItClosesUnrecorded() {
    // given
    ProcessInstance inspection = withWorkPlan();
    execute(job(DISCUSSION_OPENS, inspection));

    // when
    execute(job(DISCUSSION_CLOSED, inspection));
    execute(job(MARK_DISCUSSION_MISSING, inspection));

    // then
    assertThat(inspection).variables().containsEntry(DISCUSSION_MISSING, true);
    assertThat(inspection).isNotWaitingAt(RECORD_DISCUSSION).isWaitingAt(SELF_INSPECT);
  }

  @Test
  void shouldHaveTheHeadAndEachLeaderSignAndPublishTheCommitments_afterSelfInspection() {
    // given
    ProcessInstance inspection = withWorkPlan();
    complete(task(SELF_INSPECT, inspection));

    // when the head signs
    assertThat(task(SIGN_UNIT_COMMITMENT, inspection)).isAssignedTo("finance-head");
    complete(task(SIGN_UNIT_COMMITMENT, inspection));

    // then each member of the leading team signs his own
    List<Task> leaders = taskQuery().processInstanceId(inspection.getId()).taskDefinitionKey(SIGN_LEADER_COMMITMENT)
        .list();
    assertThat(leaders).extracting(Task::getAssignee).containsExactlyInAnyOrder("finance-deputy1", "finance-deputy2");
    verify(publicCommitments, times(2)).prepareLeaderTask(any(DelegateTask.class));
    leaders.forEach(leader -> complete(leader));
    verify(publicCommitments, times(2)).leaderSigned(any(DelegateTask.class));
    assertThat(task(ENTER_STAFF_COMMITMENTS, inspection)).hasCandidateGroup("dept-finance");
    complete(task(ENTER_STAFF_COMMITMENTS, inspection));
    verify(publicCommitments, never()).publishCommitments(any(DelegateExecution.class));
    execute(job(PUBLISH_COMMITMENTS, inspection));
    verify(publicCommitments).publishCommitments(any(DelegateExecution.class));
  }

  @Test
  void shouldWaitForTheDiscussion_beforeTheReportIsDue() {
    // given
    ProcessInstance inspection = withWorkPlan();

    // when
    commit(inspection);

    // then
    assertThat(inspection).isWaitingAt(DISCUSSION_OPENS).isNotWaitingAt(SUBMIT_REPORT);
  }

  @Test
  void shouldRegisterTheProblems_whenTheHeadApprovesAndTheOfficeAcceptsTheReport() {
    // given
    ProcessInstance inspection = readyToReport();
    assertThat(task(inspection)).hasDefinitionKey(SUBMIT_REPORT).hasCandidateGroup("dept-finance")
        .hasDueDate(deadlines.endOf("2026-08-28"));
    submitReport(inspection, "自查报告");
    assertThat(task(inspection)).hasDefinitionKey(HEAD_APPROVES_REPORT).isAssignedTo("finance-head");
    assertThat(ModelTests.taskVariables(engine, task(inspection)))
        .containsEntry(CampaignModel.HEAD_REVIEW_SUBJECT, "自查报告").containsEntry(CampaignModel.HEAD_REVIEW_OF, REPORT);
    complete(task(inspection), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));
    assertThat(task(inspection)).hasDefinitionKey(REVIEW_REPORT).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.fromNow("office-review"));

    // when
    complete(task(inspection), withVariables(REPORT_DECISION, REPORT_ACCEPTED));
    execute(job(REGISTER_PROBLEMS, inspection));

    // then
    assertThat(inspection).isEnded().hasPassed(COMPLETED);
    assertThat(registeredReports).containsExactly("自查报告");
  }

  @Test
  void shouldReturnTheReportToTheDepartment_whenTheHeadReturnsIt() {
    // given
    ProcessInstance inspection = readyToReport();
    submitReport(inspection, "初稿");

    // when
    complete(task(inspection), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_RETURNED));

    // then
    assertThat(inspection).isWaitingAt(SUBMIT_REPORT);
    assertThat(task(inspection)).hasCandidateGroup("dept-finance");
  }

  @Test
  void shouldReturnTheReportToTheDepartment_whenTheOfficeReturnsIt() {
    // given
    ProcessInstance inspection = readyToReport();
    submitReport(inspection, "初稿");
    complete(task(inspection), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // when
    complete(task(inspection), withVariables(REPORT_DECISION, REPORT_RETURNED));

    // then
    assertThat(inspection).isWaitingAt(SUBMIT_REPORT);
    assertThat(registeredReports).isEmpty();
  }

  @Test
  void shouldLoopUntilAccepted_whenTheOfficeReturnsTheReportTwice() {
    // given
    ProcessInstance inspection = readyToReport();

    // when: the office returns the report twice, with a reason
    for (int round = 1; round <= 2; round++) {
      submitReport(inspection, "第" + round + "稿");
      complete(task(inspection), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));
      complete(task(inspection), withVariables(REPORT_DECISION, REPORT_RETURNED, REPORT_RETURN_REASON,
          "问题查找不深入，请补充原因分析。"));
    }
    submitReport(inspection, "第3稿");
    complete(task(inspection), withVariables(CampaignModel.HEAD_DECISION, CampaignModel.HEAD_APPROVED));

    // then: a new review starts undecided, the last reason stays visible
    Task thirdReview = task(REVIEW_REPORT, inspection);
    assertThat(ModelTests.taskVariables(engine, thirdReview)).as("a new review starts undecided")
        .containsEntry(REPORT_DECISION, null);
    assertThat(ModelTests.taskVariables(engine, thirdReview)).as("the last reason stays visible")
        .containsEntry(REPORT_RETURN_REASON, "问题查找不深入，请补充原因分析。");
    complete(thirdReview, withVariables(REPORT_DECISION, REPORT_ACCEPTED));
    execute(job(REGISTER_PROBLEMS, inspection));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(inspection.getId())
        .taskDefinitionKey(SUBMIT_REPORT).finished().count()).isEqualTo(3);
    assertThat(inspection).isEnded().hasPassed(COMPLETED);
    assertThat(registeredReports).containsExactly("第3稿");
  }
}
