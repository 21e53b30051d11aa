package cn.gov.county.campaign.escalation;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskDeadlineListener} to every user task of every deployed model and registers the
 * job handler of the deadline timers ({@link DeadlineTimers}).
 */
@Component
class TaskDeadlinePlugin extends AbstractProcessEnginePlugin {

  private final TaskListener listener;
  private final ObjectProvider<DeadlineWatch> watch;

  TaskDeadlinePlugin(@Lazy TaskDeadlineListener listener, ObjectProvider<DeadlineWatch> watch) {
    this.listener = listener;
    this.watch = watch;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new DeadlineTimers(watch));
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
      }
    });
  }
}
