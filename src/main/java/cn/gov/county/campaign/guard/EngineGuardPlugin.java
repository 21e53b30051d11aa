package cn.gov.county.campaign.guard;

import cn.gov.county.campaign.form.FormSubmissions;
import cn.gov.county.campaign.system.UserRights;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EngineGuard} first in the engine's command chain, so that it sees every command
 * before the engine opens its transaction.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<FormSubmissions> submissions;
  private final ObjectProvider<UserRights> rights;

  EngineGuardPlugin(ObjectProvider<FormSubmissions> submissions, ObjectProvider<UserRights> rights) {
    this.submissions = submissions;
    this.rights = rights;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineGuard guard = new EngineGuard(configuration, submissions::getObject, rights::getObject);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        prepend(guard, configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  private static List<CommandInterceptor> prepend(CommandInterceptor first, List<CommandInterceptor> others) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(first);
    if (others != null) {
      interceptors.addAll(others);
    }
    return interceptors;
  }
}
