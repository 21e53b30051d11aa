package cn.gov.county.campaign.guard;

import java.util.function.Supplier;

/**
 * A submission the application builds itself from input it has checked (the survey sheet upload),
 * run as the user so that the engine's authorizations and the history name them, but not against
 * the task's form: the form has no fields for what the server computed.
 */
public final class ServerCalls {

  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private ServerCalls() {
  }

  public static <T> T run(Supplier<T> call) {
    ACTIVE.set(true);
    try {
      return call.get();
    } finally {
      ACTIVE.remove();
    }
  }

  static boolean active() {
    return ACTIVE.get();
  }
}
