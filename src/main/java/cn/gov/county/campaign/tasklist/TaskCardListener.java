package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.CampaignFilters;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Runs when any user task of any model is created (registered by {@link TaskCardPlugin}): the
 * task's description starts with its unit and campaign, and the campaign's Tasklist filter
 * exists ({@link CampaignFilters}).
 */
@Component
class TaskCardListener implements TaskListener {

  private final TaskCards cards;
  private final CampaignFilters campaignFilters;

  TaskCardListener(TaskCards cards, CampaignFilters campaignFilters) {
    this.cards = cards;
    this.campaignFilters = campaignFilters;
  }

  @Override
  public void notify(DelegateTask task) {
    cards.label(task.getCandidates(), task::getVariable)
        .ifPresent(card -> task.setDescription(card.described(task.getDescription())));
    Object code = task.getVariable(CampaignModel.CAMPAIGN_CODE);
    if (code instanceof String c) {
      Object name = task.getVariable("campaignName");
      campaignFilters.ensure(c, name instanceof String n ? n : null, task.getProcessDefinitionId() != null
          && task.getProcessDefinitionId().startsWith(TaskCardPlugin.CAMPAIGN_PROCESS + ":"));
    }
  }
}
