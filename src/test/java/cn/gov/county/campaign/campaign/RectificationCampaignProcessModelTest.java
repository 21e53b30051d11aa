package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.campaign.CampaignModel.Campaign.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * RectificationCampaignProcess: the office's four phases on their dates, the research findings and spot checks
 * (none, one, several), the departments' campaigns started and awaited.
 */
class RectificationCampaignProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final DepartmentCampaigns departmentCampaigns = mock(DepartmentCampaigns.class);
  private final CampaignDepartments campaignDepartments = mock(CampaignDepartments.class);
  private final List<String> registered = new ArrayList<>();
  private final List<String> listeners = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.CAMPAIGN_PROCESS));
    doAnswer(call -> {
      ((DelegateExecution) call.getArgument(0)).setVariable(CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN, "");
      return List.of(0);
    }).when(departmentCampaigns).batches(any());
    when(campaignDepartments.spotCheckSample(any())).thenReturn(List.of("dept-finance", "dept-market"));
    OrganizationDirectory directory = mock(OrganizationDirectory.class);
    when(directory.nameOf("dept-finance")).thenReturn("县财政局");
    when(directory.nameOf("dept-market")).thenReturn("县市场监管局");
    Mocks.register("deadlines", deadlines);
    Mocks.register("departmentCampaigns", departmentCampaigns);
    Mocks.register("campaignDepartments", campaignDepartments);
    Mocks.register("organizationDirectory", directory);
    Mocks.register("prepareCampaignDelegate", (JavaDelegate) execution -> {
      execution.setProcessBusinessKey("ZG-2027-ABCD");
      execution.setVariable(CampaignModel.CAMPAIGN_CODE, "ZG-2027-ABCD");
      execution.setVariable(CampaignModel.PLANS_APPROVED, false);
    });
    Mocks.register("registerResearchFindingDelegate",
        (JavaDelegate) execution -> registered.add("research:" + execution.getVariable(RESEARCH_ACTION)));
    Mocks.register("drawSpotCheckSampleDelegate", (JavaDelegate) execution -> registered.add("sample drawn"));
    Mocks.register("registerSpotCheckFindingDelegate", (JavaDelegate) execution -> registered
        .add("spot check:" + execution.getVariable(SPOT_CHECK_DEPARTMENT_VARIABLE)));
    Mocks.register("approveRectificationPlansDelegate",
        (JavaDelegate) execution -> execution.setVariable(CampaignModel.PLANS_APPROVED, true));
    Mocks.register("specialMeetingAgenda", (ExecutionListener) execution -> listeners.add("agenda"));
    Mocks.register("publishComplaintRankingListener", (ExecutionListener) execution -> listeners.add("ranking"));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  private ProcessInstance launch() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("campaignName", "作风整改");
    variables.put(CampaignModel.MOBILIZATION_START, "2027-03-01");
    variables.put(CampaignModel.MOBILIZATION_END, "2027-03-31");
    variables.put(CampaignModel.RESEARCH_START, "2027-04-01");
    variables.put(CampaignModel.RESEARCH_END, "2027-04-30");
    variables.put(CampaignModel.RECTIFICATION_START, "2027-05-06");
    variables.put(CampaignModel.RECTIFICATION_END, "2027-08-31");
    variables.put(CampaignModel.CONSOLIDATION_START, "2027-09-01");
    variables.put(CampaignModel.CONSOLIDATION_END, "2027-09-30");
    ProcessInstance campaign = engine.getRuntimeService().startProcessInstanceByKey(CampaignModel.CAMPAIGN_PROCESS,
        variables);
    execute(job(PREPARE, campaign));
    executeAsyncJobs(campaign);
    return campaign;
  }

  /** Runs the campaign's async continuations (not its timers) until none is left. */
  private void executeAsyncJobs(ProcessInstance campaign) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(campaign.getId()).messages()
        .executable().list()).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private ProcessInstance inResearchPhase() {
    ProcessInstance campaign = launch();
    complete(task(RECORD_MOBILIZATION, campaign));
    execute(job(RESEARCH_PHASE_STARTS, campaign));
    return campaign;
  }

  private List<Task> spotChecks(ProcessInstance campaign) {
    return taskQuery().processInstanceId(campaign.getId()).taskDefinitionKey(RECORD_SPOT_CHECK_FINDING).list();
  }

  private void finishSpotChecks(ProcessInstance campaign) {
    complete(task(CHOOSE_SPOT_CHECK_SAMPLE, campaign));
    executeAsyncJobs(campaign);
    spotChecks(campaign).forEach(spotCheck -> complete(spotCheck, withVariables(SPOT_CHECK_ACTION, NO_FINDING)));
  }

  private ProcessInstance inRectificationPhase() {
    ProcessInstance campaign = inResearchPhase();
    complete(task(RECORD_RESEARCH_FINDING, campaign), withVariables(RESEARCH_ACTION, NO_FINDING));
    finishSpotChecks(campaign);
    execute(job(RECTIFICATION_PHASE_STARTS, campaign));
    return campaign;
  }

  private ProcessInstance inConsolidationPhase() {
    ProcessInstance campaign = inRectificationPhase();
    complete(task(HOLD_SPECIAL_MEETING, campaign));
    execute(job(APPROVE_RECTIFICATION_PLANS, campaign));
    complete(task(CONCLUDE_RECTIFICATION_PHASE, campaign));
    execute(job(CONSOLIDATION_PHASE_STARTS, campaign));
    return campaign;
  }

  @Test
  void shouldStartTheDepartmentsAndAskTheOfficeToRecordTheMobilization_whenLaunched() {
    // when
    ProcessInstance campaign = launch();

    // then
    assertThat(campaign).hasBusinessKey("ZG-2027-ABCD").isWaitingAt(RECORD_MOBILIZATION, DEPARTMENTS_FINISHED);
    assertThat(task(RECORD_MOBILIZATION, campaign)).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.endOf("2027-03-31"));
    verify(departmentCampaigns).startBatch(any(DelegateExecution.class), eq(0));
  }

  @Test
  void shouldStartTheResearchPhaseOnItsDate_afterTheMobilization() {
    // given
    ProcessInstance campaign = launch();

    // when
    complete(task(RECORD_MOBILIZATION, campaign));

    // then
    assertThat(campaign).isWaitingAt(RESEARCH_PHASE_STARTS);
    assertThat(job(RESEARCH_PHASE_STARTS, campaign).getDuedate()).isEqualTo(deadlines.startOf("2027-04-01"));
    execute(job(RESEARCH_PHASE_STARTS, campaign));
    assertThat(task(RECORD_RESEARCH_FINDING, campaign)).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.endOf("2027-04-30"));
    assertThat(task(CHOOSE_SPOT_CHECK_SAMPLE, campaign)).hasCandidateGroup(Groups.DISCIPLINE_INSPECTION)
        .hasDueDate(deadlines.endOf("2027-04-30"));
  }

  @Test
  void shouldRegisterEachResearchFinding_andAskForMore_whileTheOfficeContinues() {
    // given
    ProcessInstance campaign = inResearchPhase();

    // when
    complete(task(RECORD_RESEARCH_FINDING, campaign), withVariables(RESEARCH_ACTION, RECORD_AND_CONTINUE));
    executeAsyncJobs(campaign);

    // then
    assertThat(campaign).isWaitingAt(RECORD_RESEARCH_FINDING);
    complete(task(RECORD_RESEARCH_FINDING, campaign), withVariables(RESEARCH_ACTION, RECORD_AND_FINISH));
    executeAsyncJobs(campaign);
    assertThat(campaign).isNotWaitingAt(RECORD_RESEARCH_FINDING);
    assertThat(registered).containsExactly("research:" + RECORD_AND_CONTINUE, "research:" + RECORD_AND_FINISH);
  }

  @Test
  void shouldRegisterNothing_whenTheOfficeHasNoResearchFinding() {
    // given
    ProcessInstance campaign = inResearchPhase();

    // when
    complete(task(RECORD_RESEARCH_FINDING, campaign), withVariables(RESEARCH_ACTION, NO_FINDING));

    // then
    assertThat(campaign).isNotWaitingAt(RECORD_RESEARCH_FINDING, REGISTER_RESEARCH_FINDING)
        .isWaitingAt(CHOOSE_SPOT_CHECK_SAMPLE);
    assertThat(registered).isEmpty();
  }

  @Test
  void shouldSpotCheckEachDrawnDepartment_andRegisterItsFindings() {
    // given
    ProcessInstance campaign = inResearchPhase();
    complete(task(CHOOSE_SPOT_CHECK_SAMPLE, campaign));

    // when
    executeAsyncJobs(campaign);

    // then
    List<Task> spotChecks = spotChecks(campaign);
    assertThat(spotChecks).hasSize(2);
    assertThat(spotChecks).allSatisfy(spotCheck -> assertThat(spotCheck)
        .hasCandidateGroup(Groups.DISCIPLINE_INSPECTION).hasDueDate(deadlines.endOf("2027-04-30")));
    assertThat(spotChecks).extracting(spotCheck -> ModelTests.taskVariables(engine, spotCheck)
        .get(SPOT_CHECK_DEPARTMENT_NAME)).containsExactlyInAnyOrder("县财政局", "县市场监管局");
    Task finance = spotChecks.stream().filter(spotCheck -> "dept-finance".equals(ModelTests.taskVariables(engine,
        spotCheck).get(SPOT_CHECK_DEPARTMENT_VARIABLE))).findFirst().orElseThrow();
    Task market = spotChecks.stream().filter(spotCheck -> spotCheck != finance).findFirst().orElseThrow();
    complete(finance, withVariables(SPOT_CHECK_ACTION, RECORD_AND_CONTINUE));
    executeAsyncJobs(campaign);
    assertThat(spotChecks(campaign)).hasSize(2);
    complete(market, withVariables(SPOT_CHECK_ACTION, NO_FINDING));
    Task financeAgain = spotChecks(campaign).get(0);
    complete(financeAgain, withVariables(SPOT_CHECK_ACTION, RECORD_AND_FINISH));
    executeAsyncJobs(campaign);
    assertThat(registered).containsExactly("sample drawn", "spot check:dept-finance", "spot check:dept-finance");
    assertThat(campaign).isNotWaitingAt(SPOT_CHECK_DEPARTMENT).isWaitingAt(RECORD_RESEARCH_FINDING);
  }

  @Test
  void shouldHoldTheSpecialMeetingOnTheRectificationDate_whenResearchAndSpotChecksAreDone() {
    // when
    ProcessInstance campaign = inRectificationPhase();

    // then
    assertThat(task(HOLD_SPECIAL_MEETING, campaign)).hasCandidateGroup(Groups.LEADING_GROUP)
        .hasDueDate(deadlines.fromNow("phase-task"));
    assertThat(listeners).containsExactly("agenda");
    complete(task(HOLD_SPECIAL_MEETING, campaign));
    execute(job(APPROVE_RECTIFICATION_PLANS, campaign));
    assertThat(campaign).variables().containsEntry(CampaignModel.PLANS_APPROVED, true);
    assertThat(task(CONCLUDE_RECTIFICATION_PHASE, campaign)).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.endOf("2027-08-31"));
  }

  @Test
  void shouldWaitForTheRectificationDate_whenTheResearchPhaseIsDone() {
    // given
    ProcessInstance campaign = inResearchPhase();
    complete(task(RECORD_RESEARCH_FINDING, campaign), withVariables(RESEARCH_ACTION, NO_FINDING));

    // when
    finishSpotChecks(campaign);

    // then
    assertThat(campaign).hasPassed(RESEARCH_PHASE_COMPLETED).isWaitingAt(RECTIFICATION_PHASE_STARTS);
    assertThat(job(RECTIFICATION_PHASE_STARTS, campaign).getDuedate()).isEqualTo(deadlines.startOf("2027-05-06"));
  }

  @Test
  void shouldAskTheOfficeToRecordTheClosingWithTheComplaintRanking_inTheConsolidationPhase() {
    // when
    ProcessInstance campaign = inConsolidationPhase();

    // then
    assertThat(task(RECORD_CAMPAIGN_CLOSING, campaign)).hasCandidateGroup(Groups.OFFICE)
        .hasDueDate(deadlines.endOf("2027-09-30"));
    assertThat(listeners).containsExactly("agenda", "ranking");
  }

  @Test
  void shouldEndOnlyWhenTheLastDepartmentReportsItsEnd_afterTheClosingIsRecorded() {
    // given
    ProcessInstance campaign = inConsolidationPhase();
    complete(task(RECORD_CAMPAIGN_CLOSING, campaign));
    assertThat(campaign).isWaitingAt(DEPARTMENTS_FINISHED);

    // when a department finishes while another still runs
    when(departmentCampaigns.noneRunningBesides(anyString(), eq("department-1"))).thenReturn(false);
    engine.getRuntimeService().setVariable(campaign.getId(), CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN,
        "department-1");

    // then
    assertThat(campaign).isWaitingAt(DEPARTMENTS_FINISHED);

    // when the last one finishes
    when(departmentCampaigns.noneRunningBesides("ZG-2027-ABCD", "department-2")).thenReturn(true);
    engine.getRuntimeService().setVariable(campaign.getId(), CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN,
        "department-2");

    // then
    assertThat(campaign).isEnded().hasPassed(CLOSED);
  }

  @Test
  void shouldKeepRunning_whenAllDepartmentsFinishBeforeTheClosingIsRecorded() {
    // given
    ProcessInstance campaign = inConsolidationPhase();
    when(departmentCampaigns.noneRunningBesides("ZG-2027-ABCD", "department-1")).thenReturn(true);

    // when
    engine.getRuntimeService().setVariable(campaign.getId(), CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN,
        "department-1");

    // then
    assertThat(campaign).isNotEnded().isWaitingAt(RECORD_CAMPAIGN_CLOSING).isNotWaitingAt(DEPARTMENTS_FINISHED);
    complete(task(RECORD_CAMPAIGN_CLOSING, campaign));
    assertThat(campaign).isEnded().hasPassed(CLOSED);
  }
}
