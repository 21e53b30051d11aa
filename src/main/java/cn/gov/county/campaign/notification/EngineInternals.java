package cn.gov.county.campaign.notification;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The two things the public Camunda API does not offer; the only engine-internal use of this package. */
final class EngineInternals {

  private EngineInternals() {
  }

  /** The engine's clock (moved by tests that drive timers). */
  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Runs the call without authorization checks when inside an engine command (a delegate or a
   * listener, whatever user it runs as), else just runs it.
   */
  static <T> T withoutAuthorizationInCommand(Supplier<T> call) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext != null ? commandContext.runWithoutAuthorization((Callable<T>) call::get) : call.get();
  }
}
