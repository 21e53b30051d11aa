package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.organization.CampaignFilters;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskCardListener} to the creation of every user task of every deployed model (as
 * escalation.TaskDeadlinePlugin does for deadlines), and removes a campaign's Tasklist filter when
 * its {@code RectificationCampaignProcess} instance ends.
 */
@Component
class TaskCardPlugin extends AbstractProcessEnginePlugin {

  static final String CAMPAIGN_PROCESS = "RectificationCampaignProcess";

  private final TaskListener listener;
  private final ObjectProvider<CampaignFilters> campaignFilters;

  TaskCardPlugin(@Lazy TaskCardListener listener, ObjectProvider<CampaignFilters> campaignFilters) {
    this.listener = listener;
    this.campaignFilters = campaignFilters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener campaignEnded = execution -> {
      if (execution.getProcessBusinessKey() != null) {
        campaignFilters.getObject().remove(execution.getProcessBusinessKey());
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }

      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (CAMPAIGN_PROCESS.equals(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, campaignEnded);
        }
      }
    });
  }
}
