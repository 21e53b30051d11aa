package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.system.EngineInternals;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A task's deadline checks as engine timer jobs: one at its follow-up date ({@link Check#DUE_SOON})
 * and one at its due date ({@link Check#OVERDUE}), fired by the job executor of whichever node
 * acquires them, each once. A timer's id is made from the check and the task
 * ({@code overdue:<task id>}), so no node, start or race can create a second one: the engine's job
 * table's primary key refuses it. The timers belong to the task's execution (they go when it goes,
 * are suspended with it and serialize with its other jobs) and are removed when the task ends.
 */
class DeadlineTimers implements JobHandler<DeadlineTimers.Timer> {

  static final String TYPE = "campaign-task-deadline";

  /** What a timer checks when it fires. */
  enum Check {
    DUE_SOON("due-soon"), OVERDUE("overdue");

    private final String key;

    Check(String key) {
      this.key = key;
    }

    String jobId(String taskId) {
      return key + ":" + taskId;
    }
  }

  static boolean isDeadlineTimer(String jobId) {
    return jobId.startsWith(Check.DUE_SOON.key + ":") || jobId.startsWith(Check.OVERDUE.key + ":");
  }

  /** The configuration of one timer: the check and the task. */
  record Timer(Check check, String taskId) implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return check.key + ":" + taskId;
    }
  }

  private final ObjectProvider<DeadlineWatch> watch;

  DeadlineTimers(ObjectProvider<DeadlineWatch> watch) {
    this.watch = watch;
  }

  /**
   * Brings the task's timers in line with its dates, inside the engine command that created or
   * changed the task: a timer at the follow-up date while that lies before the due date, a timer at
   * the due date; none without a due date.
   */
  static void schedule(DelegateTask task) {
    Date due = task.getDueDate();
    Date followUp = task.getFollowUpDate();
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    if (execution == null) {
      return; // a standalone task (the office's own note) is not watched
    }
    set(Check.DUE_SOON, task.getId(), execution,
        due != null && followUp != null && followUp.before(due) ? followUp : null);
    set(Check.OVERDUE, task.getId(), execution, due);
  }

  /** Removes the task's timers, unless one is firing right now (it then finds the task gone). */
  static void cancel(String taskId) {
    for (Check check : Check.values()) {
      JobEntity timer = find(check.jobId(taskId));
      if (timer != null && !isFiring(timer)) {
        timer.delete();
      }
    }
  }

  private static void set(Check check, String taskId, ExecutionEntity execution, Date at) {
    JobEntity existing = find(check.jobId(taskId));
    if (at == null) {
      if (existing != null && !isFiring(existing)) {
        existing.delete();
      }
      return;
    }
    if (existing != null) {
      // also when it is firing right now: whichever of the two commits second fails on the job's
      // revision and runs again (the timer then fires at the new date, or is created anew)
      if (!at.equals(existing.getDuedate())) {
        existing.setDuedate(at);
        existing.setRetries(JobEntity.DEFAULT_RETRIES);
      }
      return;
    }
    TimerEntity timer = new TimerEntity();
    timer.setId(check.jobId(taskId));
    timer.setJobHandlerType(TYPE);
    timer.setJobHandlerConfiguration(new Timer(check, taskId));
    timer.setDuedate(at);
    timer.setExecution(execution);
    timer.setActivityId(execution.getActivityId());
    timer.setProcessDefinitionId(execution.getProcessDefinitionId());
    timer.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
    timer.setTenantId(execution.getTenantId());
    Context.getCommandContext().getJobManager().schedule(timer);
  }

  /**
   * The timer, also one made earlier in this command and not yet flushed (a task whose due date and
   * follow-up date are both set in one command is updated twice: the second update must move the
   * timer the first one made, not make another with the same id). Null when absent or deleted.
   */
  private static JobEntity find(String jobId) {
    var entities = Context.getCommandContext().getDbEntityManager();
    JobEntity cached = entities.getCachedEntity(JobEntity.class, jobId);
    if (cached != null) {
      return entities.getDbEntityCache().isDeleted(cached) ? null : cached;
    }
    return Context.getCommandContext().getJobManager().findJobById(jobId);
  }

  /** Locked by a job executor whose lock has not expired: it is being executed. */
  private static boolean isFiring(JobEntity job) {
    return job.getLockOwner() != null && job.getLockExpirationTime() != null
        && job.getLockExpirationTime().after(EngineInternals.currentTime());
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Timer timer, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    DeadlineWatch deadlines = watch.getObject();
    switch (timer.check()) {
      case DUE_SOON -> deadlines.dueSoon(timer.taskId());
      case OVERDUE -> deadlines.overdue(timer.taskId());
    }
  }

  @Override
  public Timer newConfiguration(String canonical) {
    int colon = canonical.indexOf(':');
    String key = canonical.substring(0, colon);
    for (Check check : Check.values()) {
      if (check.key.equals(key)) {
        return new Timer(check, canonical.substring(colon + 1));
      }
    }
    throw new IllegalArgumentException("unknown deadline check " + Objects.toString(key));
  }

  @Override
  public void onDelete(Timer timer, JobEntity job) {
    // nothing beside the job
  }
}
