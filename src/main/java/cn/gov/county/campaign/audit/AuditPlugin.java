package cn.gov.county.campaign.audit;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the audit chain behind the engine's history: the default {@link DbHistoryEventHandler}
 * first, then {@link AuditEventHandler}. (Not {@code customHistoryEventHandlers}: the engine's
 * CompositeDbHistoryEventHandler calls the database handler last, and the chain needs the ids the
 * database handler assigns.) Engine {@code impl} classes: the handler chain has no public API.
 */
@Component
class AuditPlugin extends AbstractProcessEnginePlugin {

  private final AuditChainWriter writer;

  AuditPlugin(@Lazy AuditChainWriter writer) {
    this.writer = writer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CompositeHistoryEventHandler handler = new CompositeHistoryEventHandler(
        configuration.getHistoryEventHandler() != null ? configuration.getHistoryEventHandler() : new DbHistoryEventHandler());
    configuration.getCustomHistoryEventHandlers().forEach(handler::add);
    configuration.getCustomHistoryEventHandlers().clear();
    handler.add(new AuditEventHandler(writer));
    configuration.setHistoryEventHandler(handler);
  }
}
