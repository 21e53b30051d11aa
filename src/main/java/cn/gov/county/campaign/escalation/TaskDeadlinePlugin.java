package cn.gov.county.campaign.escalation;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the job handler of the deadline timers ({@link DeadlineTimers}). The timers
 * themselves are set by {@link TaskDeadlineListener}, which receives every task event through the
 * starter's eventing bridge.
 */
@Component
class TaskDeadlinePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DeadlineWatch> watch;

  TaskDeadlinePlugin(ObjectProvider<DeadlineWatch> watch) {
    this.watch = watch;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new DeadlineTimers(watch));
  }
}
