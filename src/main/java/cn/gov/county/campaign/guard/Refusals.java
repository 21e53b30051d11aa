package cn.gov.county.campaign.guard;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The refusal of the request this thread serves (invalid form values, a task that is not there):
 * the engine guard records it, and {@link RefusalResponseFilter} answers the request with it.
 */
final class Refusals {

  private static final ThreadLocal<ProcessEngineException> LAST = new ThreadLocal<>();

  private Refusals() {
  }

  static void record(ProcessEngineException refusal) {
    LAST.set(refusal);
  }

  static boolean present() {
    return LAST.get() != null;
  }

  static Optional<ProcessEngineException> take() {
    ProcessEngineException refusal = LAST.get();
    LAST.remove();
    return Optional.ofNullable(refusal);
  }

  static void clear() {
    LAST.remove();
  }
}
