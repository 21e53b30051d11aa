package cn.gov.county.campaign.tasklist;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.CampaignFilters;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * A campaign's Tasklist filter appears with its first task, which is created in the same
 * transaction as the campaign's instance: a query would not find that instance running yet, so the
 * listener says when the task is the campaign's own.
 */
class TaskCardListenerTest {

  private static final String CODE = "ZG-2026-01";
  private static final String NAME = "2026年机关作风建设活动";

  private final CampaignFilters filters = mock(CampaignFilters.class);
  private final TaskCardListener listener = new TaskCardListener(mock(TaskCards.class), filters);

  @Test
  void shouldMakeTheFilterWithoutAQuery_whenTheTaskIsOfTheCampaignsOwnInstance() {
    // given: a task inside a subprocess of the campaign's process, whatever the definition's id
    DelegateTask task = task(Bpmn.createExecutableProcess(CampaignModel.CAMPAIGN_PROCESS).startEvent()
        .subProcess().embeddedSubProcess().startEvent().userTask("UserTask_ReviewPlans").endEvent()
        .subProcessDone().endEvent().done(), "UserTask_ReviewPlans");

    // when
    listener.created(task);

    // then
    verify(filters).ensure(CODE, NAME, true);
  }

  @Test
  void shouldLeaveItToTheRunningCampaign_whenTheTaskIsOfADepartmentsProcess() {
    // given
    DelegateTask task = task(Bpmn.createExecutableProcess(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS).startEvent()
        .userTask("UserTask_DraftWorkPlan").endEvent().done(), "UserTask_DraftWorkPlan");

    // when
    listener.created(task);

    // then
    verify(filters).ensure(CODE, NAME, false);
  }

  @Test
  void shouldLeaveItToTheRunningCampaign_whenTheTaskStandsAlone() {
    // given: a task made with the API has no model element
    DelegateTask task = task(null, null);

    // when
    listener.created(task);

    // then
    verify(filters).ensure(CODE, NAME, false);
  }

  private static DelegateTask task(BpmnModelInstance model, String taskId) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getProcessDefinitionId()).thenReturn("3f1c7a52-0c5e-11f1-9a61-0242ac120002");
    when(task.getCandidates()).thenReturn(Set.of());
    when(task.getVariable(CampaignModel.CAMPAIGN_CODE)).thenReturn(CODE);
    when(task.getVariable("campaignName")).thenReturn(NAME);
    when(task.getBpmnModelElementInstance()).thenReturn(model == null ? null : model.getModelElementById(taskId));
    return task;
  }
}
