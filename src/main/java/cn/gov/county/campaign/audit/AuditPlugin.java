package cn.gov.county.campaign.audit;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the audit chain behind the engine's history: after initialisation the engine's handler (a
 * CompositeDbHistoryEventHandler with the default DbHistoryEventHandler and the starter's Spring
 * event publisher) is wrapped so that {@link AuditEventHandler} runs after it. After, because the
 * chain needs the ids the database handler assigns; in postInit, because the engine reads its
 * handler at every event and other plugins add theirs in preInit. Engine {@code impl} classes:
 * the handler chain has no public API.
 */
@Component
class AuditPlugin extends AbstractProcessEnginePlugin {

  private final AuditChainWriter writer;

  AuditPlugin(@Lazy AuditChainWriter writer) {
    this.writer = writer;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(configuration.getHistoryEventHandler(),
        new AuditEventHandler(writer)));
  }
}
