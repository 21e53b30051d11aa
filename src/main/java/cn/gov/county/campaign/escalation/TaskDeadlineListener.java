package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs on every user task of every model (task events from the Spring Boot starter's eventing
 * bridge, {@code camunda.bpm.eventing}: built-in listeners, before those a model declares and never
 * skipped), so no task can slip through:
 * <ul>
 *   <li>created: the yellow warning window before its due date (follow-up date), a warning in the
 *       task when the due date lies in a year without a holiday schedule, its deadline timers
 *       ({@link DeadlineTimers}), and, for a department's task, a notification to its liaison (or to
 *       the unit head for the head's own task);</li>
 *   <li>updated (an administrator moved its dates): its deadline timers move with them;</li>
 *   <li>completed or deleted: its deadline timers go and an escalation running for it stops at
 *       once.</li>
 * </ul>
 * Notifications are recorded in this transaction and mailed after it (see Notifications).
 */
@Component
class TaskDeadlineListener {

  static final String DELIVERED_MESSAGE = "OverdueTaskDelivered";

  private final ObjectProvider<Deadlines> deadlines;
  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<EscalationLedger> ledger;
  private final Audience audience;
  private final Messages messages;

  TaskDeadlineListener(ObjectProvider<Deadlines> deadlines, ObjectProvider<Notifications> notifications,
      ObjectProvider<EscalationLedger> ledger, Audience audience, Messages messages) {
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.ledger = ledger;
    this.audience = audience;
    this.messages = messages;
  }

  /** After tasklist.TaskCardListener (order 1), as when both were parse-listener plugins. */
  @EventListener(condition = "#task.eventName == 'create' or #task.eventName == 'update'"
      + " or #task.eventName == 'complete' or #task.eventName == 'delete'")
  @Order(2)
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task);
      case TaskListener.EVENTNAME_UPDATE -> DeadlineTimers.schedule(task);
      case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> ended(task);
      default -> {
      }
    }
  }

  private void created(DelegateTask task) {
    if (task.getDueDate() != null) {
      Deadlines calendar = deadlines.getObject();
      if (task.getFollowUpDate() == null) {
        task.setFollowUpDate(calendar.followUpFor(task.getDueDate()));
      }
      calendar.scheduleWarning(EngineInternals.currentTime(), task.getDueDate()).ifPresent(warning -> task
          .setDescription(task.getDescription() == null ? warning : task.getDescription() + "\n" + warning));
      DeadlineTimers.schedule(task);
    }
    departmentTask(task).ifPresent(t -> notifications.getObject().send(messages.taskCreated(t), List.of(t.worker())));
  }

  private void ended(DelegateTask task) {
    DeadlineTimers.cancel(task.getId());
    EscalationLedger escalations = ledger.getObject();
    if (!escalations.exists(task.getId())) {
      return;
    }
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      escalations.markDelivered(task.getId(), EngineInternals.currentTime());
    }
    EngineInternals.withoutAuthorizationInCommand(() -> task.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(DELIVERED_MESSAGE)
        .processInstanceVariableEquals(EscalationModel.OVERDUE_TASK_ID, task.getId())
        .setVariable("overdueTaskOutcome",
            TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) ? "已办结" : "任务已撤销")
        .correlateAllWithResult());
  }

  private java.util.Optional<DepartmentTask> departmentTask(DelegateTask task) {
    return DepartmentTask.of(task.getId(), task.getName(), task.getDueDate(), task.getProcessInstanceId(),
        task.getAssignee(), task.getCandidates(), task::getVariable, audience);
  }
}
