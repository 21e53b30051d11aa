package cn.gov.county.campaign.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Receives every history event after the engine's own handler has written it (so ids are set),
 * copies its essential fields and keeps them with the current Spring transaction; just before
 * that transaction commits they are appended to the chains in one go. A transaction that rolls
 * back leaves no entries, and a failing append rolls the engine's transaction back.
 */
class AuditEventHandler implements HistoryEventHandler {

  private final AuditChainWriter writer;

  AuditEventHandler(AuditChainWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handleEvent(HistoryEvent historyEvent) {
    long start = System.nanoTime();
    List<AuditEvent> events = HistorySnapshots.of(historyEvent);
    AuditStatistics.SNAPSHOT_NANOS.add(System.nanoTime() - start);
    if (events.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // no Spring transaction (the engine always runs in one here): append at once
      writer.append(events);
      return;
    }
    Buffer buffer = currentBuffer();
    if (buffer.flushed) {
      // an event from another beforeCommit callback, after ours ran: still in the transaction
      writer.append(events);
    } else {
      buffer.events.addAll(events);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> historyEvents) {
    historyEvents.forEach(this::handleEvent);
  }

  /** This transaction's buffer (synchronizations are suspended and resumed with their transaction). */
  private Buffer currentBuffer() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Buffer buffer && buffer.owner() == this) {
        return buffer;
      }
    }
    Buffer buffer = new Buffer();
    TransactionSynchronizationManager.registerSynchronization(buffer);
    return buffer;
  }

  private final class Buffer implements TransactionSynchronization {
    final List<AuditEvent> events = new ArrayList<>();
    boolean flushed;

    AuditEventHandler owner() {
      return AuditEventHandler.this;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flushed = true;
      writer.append(events);
      events.clear();
    }

    @Override
    public void afterCompletion(int status) {
      events.clear();
    }
  }
}
