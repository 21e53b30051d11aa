package cn.gov.county.campaign.campaign;

import static cn.gov.county.campaign.campaign.CampaignModel.DepartmentCampaign.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.gov.county.campaign.model.ModelDeadlines;
import cn.gov.county.campaign.model.ModelTests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DepartmentCampaignProcess: each phase starts for the department on its date, and the end is reported. */
class DepartmentCampaignProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final ModelDeadlines deadlines = new ModelDeadlines();
  private final DepartmentCampaigns departmentCampaigns = mock(DepartmentCampaigns.class);

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS), CampaignModel.SELF_INSPECTION_PROCESS,
        CampaignModel.RECTIFICATION_PLAN_PROCESS, CampaignModel.CONSOLIDATION_PROCESS);
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("deadlines", deadlines);
    Mocks.register("departmentCampaigns", departmentCampaigns);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  private ProcessInstance start() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, "ZG-2026-01");
    variables.put(CampaignModel.CAMPAIGN_NAME, "作风整改");
    variables.put(CampaignModel.DEPARTMENT, "dept-finance");
    variables.put(CampaignModel.DEPARTMENT_NAME, "县财政局");
    variables.put(CampaignModel.UNIT_HEAD, "finance-head");
    variables.put(CampaignModel.MOBILIZATION_START, "2026-08-03");
    variables.put(CampaignModel.DISCUSSION_START, "2026-08-10");
    variables.put(CampaignModel.DISCUSSION_END, "2026-08-20");
    variables.put(CampaignModel.SELF_INSPECTION_DUE_DATE, "2026-08-28");
    variables.put(CampaignModel.RECTIFICATION_START, "2026-10-08");
    variables.put(CampaignModel.RECTIFICATION_END, "2026-11-30");
    variables.put(CampaignModel.CONSOLIDATION_START, "2026-12-01");
    variables.put(CampaignModel.CONSOLIDATION_END, "2026-12-31");
    variables.put(CampaignModel.CAMPAIGN_INSTANCE, "campaign-1");
    return engine.getRuntimeService().startProcessInstanceByKey(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS, "ZG-2026-01",
        variables);
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  private ProcessInstance called(ProcessInstance instance, String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey(key).singleResult();
  }

  private void fire(ProcessInstance instance, String timer) {
    engine.getManagementService().executeJob(timer(instance, timer).getId());
  }

  private void finish(ProcessInstance instance, String key) {
    ProcessInstance child = called(instance, key);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(child.getId())
        .singleResult().getId());
  }

  @Test
  void shouldWaitForEachPhaseDate_whenTheDepartmentJoins() {
    // when
    ProcessInstance department = start();

    // then
    assertThat(department).isWaitingAt(MOBILIZATION_PHASE_STARTS, RECTIFICATION_PHASE_STARTS,
        CONSOLIDATION_PHASE_STARTS);
    assertThat(timer(department, MOBILIZATION_PHASE_STARTS).getDuedate()).isEqualTo(deadlines.startOf("2026-08-03"));
    assertThat(timer(department, RECTIFICATION_PHASE_STARTS).getDuedate()).isEqualTo(deadlines.startOf("2026-10-08"));
    assertThat(timer(department, CONSOLIDATION_PHASE_STARTS).getDuedate()).isEqualTo(deadlines.startOf("2026-12-01"));
  }

  @Test
  void shouldStartSelfInspectionOfTheDepartment_whenTheFirstPhaseBegins() {
    // given
    ProcessInstance department = start();

    // when
    fire(department, MOBILIZATION_PHASE_STARTS);

    // then
    assertThat(department).isWaitingAt(SELF_INSPECTION, RECTIFICATION_PHASE_STARTS, CONSOLIDATION_PHASE_STARTS);
    ProcessInstance selfInspection = called(department, CampaignModel.SELF_INSPECTION_PROCESS);
    assertThat(selfInspection.getBusinessKey()).isEqualTo("ZG-2026-01");
    assertThat(selfInspection).variables().containsEntry(CampaignModel.DEPARTMENT, "dept-finance")
        .containsEntry(CampaignModel.DEPARTMENT_NAME, "县财政局").containsEntry(CampaignModel.UNIT_HEAD, "finance-head")
        .containsEntry(CampaignModel.SELF_INSPECTION_DUE_DATE, "2026-08-28")
        .containsEntry(CampaignModel.DISCUSSION_START, "2026-08-10")
        .doesNotContainKey(CampaignModel.CAMPAIGN_INSTANCE);
  }

  @Test
  void shouldRunLaterPhasesOnTheirDates_whileAnEarlierPhaseIsUnfinished() {
    // given
    ProcessInstance department = start();
    fire(department, MOBILIZATION_PHASE_STARTS);

    // when
    fire(department, RECTIFICATION_PHASE_STARTS);
    fire(department, CONSOLIDATION_PHASE_STARTS);

    // then
    assertThat(department).isWaitingAt(SELF_INSPECTION, RECTIFICATION_PLAN, CONSOLIDATION);
    assertThat(called(department, CampaignModel.RECTIFICATION_PLAN_PROCESS)).variables()
        .containsEntry(CampaignModel.RECTIFICATION_END, "2026-11-30");
    assertThat(called(department, CampaignModel.CONSOLIDATION_PROCESS)).variables()
        .containsEntry(CampaignModel.CONSOLIDATION_END, "2026-12-31");
    verify(departmentCampaigns, never()).reportFinished(any(DelegateExecution.class));
  }

  @Test
  void shouldReportTheDepartmentFinishedToTheCampaign_whenAllPhasesAreDone() {
    // given
    ProcessInstance department = start();
    fire(department, MOBILIZATION_PHASE_STARTS);
    fire(department, RECTIFICATION_PHASE_STARTS);
    fire(department, CONSOLIDATION_PHASE_STARTS);
    finish(department, CampaignModel.SELF_INSPECTION_PROCESS);
    finish(department, CampaignModel.CONSOLIDATION_PROCESS);
    assertThat(department).isNotWaitingAt(REPORT_FINISHED);

    // when
    finish(department, CampaignModel.RECTIFICATION_PLAN_PROCESS);

    // then
    assertThat(department).isWaitingAt(REPORT_FINISHED);
    engine.getManagementService().executeJob(BpmnAwareTests.job(REPORT_FINISHED, department).getId());
    verify(departmentCampaigns).reportFinished(any(DelegateExecution.class));
    assertThat(department).isEnded().hasPassed(FINISHED);
  }
}
