package cn.gov.county.campaign.system;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The two things the public Camunda API does not offer, in one place: the engine clock and running
 * a call without authorization checks inside a command. The other classes that use the engine's
 * internal API plug into the engine where it has no public extension point, and the rule
 * {@code PackageStructureTest.engineInternalsStayInOnePlace} names them: the engine plugins
 * (audit.AuditPlugin, escalation.TaskDeadlinePlugin, guard.EngineGuardPlugin,
 * notification.DeliveryFailures, system.ModelExpressionBeans, system.ProductionAccountsCheck), the
 * history event handler of the audit chain (audit.AuditEventHandler, with HistorySnapshots), the
 * command interceptor of guard.EngineGuard, which reads the engine's command objects, the deadline
 * timers of escalation.DeadlineTimers, DeadlineWatch and DeadlineTimerBackfill (a job handler and
 * timer jobs with ids of their own, which the public API cannot create), and
 * form.SubmissionRefusedException, the engine's form-field exception that its REST API answers with
 * 400.
 */
public final class EngineInternals {

  private EngineInternals() {
  }

  /** The engine's clock (moved by tests that drive timers). */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The engine's clock as the engine's APIs take it. */
  public static Date currentTime() {
    return ClockUtil.getCurrentTime();
  }

  /**
   * Runs the call without authorization checks when inside an engine command (a delegate or a
   * listener, whatever user it runs as), else just runs it.
   */
  public static <T> T withoutAuthorizationInCommand(Supplier<T> call) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext != null ? commandContext.runWithoutAuthorization((Callable<T>) call::get) : call.get();
  }

  /**
   * Runs the call outside a command with no user authenticated, then restores the caller: for a
   * controller that reads history the caller may not query and answers only the caller's part.
   */
  public static <T> T withoutUser(IdentityService identity, Supplier<T> call) {
    Authentication authentication = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
  }
}
