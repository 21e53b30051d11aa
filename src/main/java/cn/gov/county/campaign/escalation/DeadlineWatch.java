package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the due dates of every open department task: inside the warning window the liaison is
 * told once; past the due date the liaison is told once and, for a campaign's task, a supervisory
 * escalation (SupervisoryEscalationProcess) starts for the task, which stays open. (An information
 * request outside a campaign gets the notifications, not the ladder: the ladder's steps count
 * within a campaign.) Each task is handled in
 * its own transaction, and a ladder is never started twice for a task (EscalationLedger). Runs
 * every {@code campaign.deadlines.scan-interval} (see DeadlineWatchSchedule) on the engine clock.
 */
@Component
public class DeadlineWatch {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Notifications notifications;
  private final EscalationLedger ledger;
  private final Audience audience;
  private final Messages messages;
  private final TransactionTemplate transaction;

  DeadlineWatch(TaskService tasks, RuntimeService runtime, RepositoryService repository, Notifications notifications,
      EscalationLedger ledger, Audience audience, Messages messages, TransactionTemplate transaction) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.notifications = notifications;
    this.ledger = ledger;
    this.audience = audience;
    this.messages = messages;
    this.transaction = transaction;
  }

  /** @return how many escalations this scan started */
  public int scan() {
    Date now = EngineInternals.today();
    for (Task task : tasks.createTaskQuery().active().followUpBefore(now).dueAfter(now).list()) {
      try {
        departmentTask(task).ifPresent(t ->
            transaction.executeWithoutResult(s -> notifications.send(messages.dueSoon(t), List.of(t.worker()))));
      } catch (RuntimeException e) {
        LOG.error("任务 {} 的到期提醒未能记录，下次检查时重试 / due-soon notice for task {} not recorded", task.getId(),
            task.getId(), e);
      }
    }
    int started = 0;
    for (Task task : tasks.createTaskQuery().active().dueBefore(now).list()) {
      Optional<DepartmentTask> overdue = departmentTask(task);
      if (overdue.isEmpty()) {
        continue;
      }
      DepartmentTask t = overdue.get();
      try {
        Boolean escalated = transaction.execute(s -> {
          notifications.send(messages.overdue(t), List.of(t.worker()));
          return t.campaignCode() != null && !isEscalationTask(task) && !ledger.exists(t.taskId())
              && startEscalation(t, now);
        });
        if (Boolean.TRUE.equals(escalated)) {
          started++;
          LOG.info("督办: {} 的任务「{}」（{}）已逾期，启动督办", t.department().name(), t.name(), t.taskId());
        }
      } catch (RuntimeException e) {
        LOG.error("逾期任务 {} 未能处理，下次检查时重试 / overdue task {} not handled, retried at the next scan",
            t.taskId(), t.taskId(), e);
      }
    }
    return started;
  }

  private boolean startEscalation(DepartmentTask task, Date now) {
    Organization.Department department = task.department();
    Map<String, Object> variables = new HashMap<>();
    variables.put("campaignCode", task.campaignCode());
    variables.put("campaignName", task.campaignName());
    variables.put("department", department.id());
    variables.put("departmentName", department.name());
    variables.put("unitCategory", department.category().label());
    variables.put("unitHead", department.head().id());
    variables.put(EscalationModel.OVERDUE_TASK_ID, task.taskId());
    variables.put("overdueTaskName", task.name());
    variables.put("overdueProcessInstanceId", task.processInstanceId());
    variables.put("dueDate", task.dueDate());
    variables.put("dueDateText", Messages.dayAndTime(task.dueDate()));
    ProcessInstance ladder = runtime.startProcessInstanceByKey(EscalationModel.PROCESS, task.campaignCode(), variables);
    return ledger.open(task.taskId(), task.campaignCode(), department.id(), task.name(), task.dueDate(), ladder.getId(),
        now) || rollBack();
  }

  /** A second watcher started the same ladder a moment earlier: undo this one. */
  private static boolean rollBack() {
    throw new IllegalStateException("督办已由另一次检查启动");
  }

  private boolean isEscalationTask(Task task) {
    return repository.getProcessDefinition(task.getProcessDefinitionId()).getKey().equals(EscalationModel.PROCESS);
  }

  private Optional<DepartmentTask> departmentTask(Task task) {
    Map<String, Object> variables = runtime.getVariables(task.getExecutionId(),
        List.of("campaignCode", "campaignName", "department"));
    return DepartmentTask.of(task.getId(), task.getName(), task.getDueDate(), task.getProcessInstanceId(),
        task.getAssignee(), tasks.getIdentityLinksForTask(task.getId()), variables::get, audience);
  }
}
