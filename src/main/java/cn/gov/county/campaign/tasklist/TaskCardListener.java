package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.CampaignFilters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Task cards and campaign filters, fed by the Spring Boot starter's eventing bridge
 * ({@code camunda.bpm.eventing}, built-in listeners on every user task and process of every
 * model):
 * <ul>
 *   <li>a user task is created: its description starts with its unit and campaign, and the
 *       campaign's Tasklist filter exists ({@link CampaignFilters}); this runs before
 *       escalation.TaskDeadlineListener, as it did when both were parse-listener plugins;</li>
 *   <li>a {@code RectificationCampaignProcess} instance ends (completed or deleted): its filter
 *       goes.</li>
 * </ul>
 */
@Component
class TaskCardListener {

  private final TaskCards cards;
  private final CampaignFilters campaignFilters;

  TaskCardListener(TaskCards cards, CampaignFilters campaignFilters) {
    this.cards = cards;
    this.campaignFilters = campaignFilters;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  @Order(1)
  public void created(DelegateTask task) {
    cards.label(task.getCandidates(), task::getVariable)
        .ifPresent(card -> task.setDescription(card.described(task.getDescription())));
    Object code = task.getVariable(CampaignModel.CAMPAIGN_CODE);
    if (code instanceof String c) {
      Object name = task.getVariable("campaignName");
      campaignFilters.ensure(c, name instanceof String n ? n : null, ofCampaignProcess(task));
    }
  }

  /** The end of the process instance itself (its activity instance is the instance), not of one of its activities. */
  @EventListener(condition = "#execution.eventName == 'end' and #execution.activityInstanceId == #execution.processInstanceId")
  public void ended(DelegateExecution execution) {
    // the definition's id need not start with its key (ids longer than 64 characters are UUIDs), so ask the model
    if (execution.getProcessBusinessKey() != null && execution.getBpmnModelInstance() != null
        && execution.getBpmnModelInstance().getModelElementById(CampaignModel.CAMPAIGN_PROCESS) instanceof Process) {
      campaignFilters.remove(execution.getProcessBusinessKey());
    }
  }

  /**
   * The task belongs to a RectificationCampaignProcess instance: the process around its element
   * (the definition's key) is the campaign's. Not read from the definition's id, which need not start
   * with the key (see {@link #ended}); a standalone task has no element.
   */
  static boolean ofCampaignProcess(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element instanceof Process process && CampaignModel.CAMPAIGN_PROCESS.equals(process.getId());
  }
}
