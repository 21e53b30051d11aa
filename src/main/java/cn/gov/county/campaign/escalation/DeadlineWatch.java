package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when a department task's deadline comes: inside the warning window (its follow-up
 * date) the liaison is told once; past the due date the liaison is told once and, for a campaign's
 * task, a supervisory escalation (SupervisoryEscalationProcess) starts for the task, which stays
 * open. A working body's task (the office's, the leading group's, an issuing body's step) is
 * watched too: its members (or its assignee) are told at the follow-up date, and past the due date
 * they and the office are told; the ladder is for departments. (An information request outside a campaign gets the notifications, not the ladder: the
 * ladder's steps count within a campaign.) The checks are engine timer jobs ({@link DeadlineTimers})
 * that fire at those dates on the engine clock, each once on whichever node's job executor acquires
 * it, in the job's transaction: a failure is retried by the engine and becomes an incident in
 * Cockpit. A ladder is never started twice for a task (EscalationLedger's primary key).
 */
@Component
public class DeadlineWatch {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatch.class);

  private final ManagementService management;
  private final RuntimeService runtime;
  private final Notifications notifications;
  private final EscalationLedger ledger;
  private final Audience audience;
  private final Messages messages;
  private final AtomicInteger escalationsStarted = new AtomicInteger();

  DeadlineWatch(ManagementService management, RuntimeService runtime, Notifications notifications,
      EscalationLedger ledger, Audience audience, Messages messages) {
    this.management = management;
    this.runtime = runtime;
    this.notifications = notifications;
    this.ledger = ledger;
    this.audience = audience;
    this.messages = messages;
  }

  /**
   * Fires the deadline timers that are due now, each in its own transaction, as the job executor
   * would (tests and operators with the job executor off; a timer that fails keeps its retries).
   *
   * @return how many escalations started meanwhile
   */
  public int scan() {
    int before = escalationsStarted.get();
    List<String> due = management.createJobQuery().executable().active().orderByJobDuedate().asc().list().stream()
        .map(Job::getId).filter(DeadlineTimers::isDeadlineTimer).toList();
    for (String jobId : due) {
      if (management.createJobQuery().jobId(jobId).count() == 0) {
        continue; // gone with its task, which an earlier check ended
      }
      try {
        management.executeJob(jobId);
      } catch (RuntimeException e) {
        LOG.error("期限检查 {} 失败，由引擎重试 / deadline check {} failed, retried by the engine", jobId, jobId, e);
      }
    }
    return escalationsStarted.get() - before;
  }

  /** The follow-up date came: the task's workers are told, once, if it is still open and not yet due. */
  void dueSoon(String taskId) {
    Optional<TaskEntity> open = openTask(taskId)
        .filter(task -> task.getDueDate() != null && EngineInternals.currentTime().before(task.getDueDate()));
    if (open.isEmpty()) {
      return;
    }
    Optional<DepartmentTask> ofDepartment = departmentTask(open.get());
    if (ofDepartment.isPresent()) {
      notifications.send(messages.dueSoon(ofDepartment.get()), List.of(ofDepartment.get().worker()));
    } else {
      bodyTask(open.get()).ifPresent(t -> notifications.send(messages.dueSoon(t), t.workers()));
    }
  }

  /** The due date came: the worker is told, once, and a campaign task's escalation starts. */
  void overdue(String taskId) {
    Optional<TaskEntity> open = openTask(taskId);
    if (open.isEmpty() || open.get().getDueDate() == null) {
      return;
    }
    TaskEntity task = open.get();
    Date now = EngineInternals.currentTime();
    if (now.before(task.getDueDate())) {
      return; // the due date moved later while this timer fired: the task's update moved its timer
    }
    Optional<DepartmentTask> overdue = departmentTask(task);
    if (overdue.isEmpty()) {
      bodyTask(task).ifPresent(this::bodyOverdue);
      return;
    }
    DepartmentTask t = overdue.get();
    notifications.send(messages.overdue(t), List.of(t.worker()));
    if (t.campaignCode() != null && !EscalationModel.PROCESS.equals(task.getExecution().getProcessDefinition().getKey())
        && !ledger.exists(t.taskId())) {
      startEscalation(t, now);
      escalationsStarted.incrementAndGet();
      LOG.info("督办: {} 的任务「{}」（{}）已逾期，启动督办", t.department().name(), t.name(), t.taskId());
    }
  }

  private void startEscalation(DepartmentTask task, Date now) {
    Organization.Department department = task.department();
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, task.campaignCode());
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
    ProcessInstance ladder = EngineInternals.withoutAuthorizationInCommand(
        () -> runtime.startProcessInstanceByKey(EscalationModel.PROCESS, task.campaignCode(), variables));
    if (!ledger.open(task.taskId(), task.campaignCode(), department.id(), task.name(), task.dueDate(), ladder.getId(),
        now)) {
      throw new IllegalStateException("督办已启动 / a ladder for task " + task.taskId() + " already exists");
    }
  }

  /** A working body's task past its due date: its workers and the office are told; no ladder. */
  private void bodyOverdue(BodyTask task) {
    List<Recipient> told = new ArrayList<>(task.workers());
    audience.office().stream().filter(r -> !told.contains(r)).forEach(told::add);
    notifications.send(messages.overdue(task), told);
    LOG.info("逾期提示: {} 的任务「{}」（{}）已逾期", task.bodyName(), task.name(), task.taskId());
  }

  private static Optional<TaskEntity> openTask(String taskId) {
    return Optional.ofNullable(Context.getCommandContext().getTaskManager().findTaskById(taskId))
        .filter(task -> !task.isSuspended());
  }

  private Optional<BodyTask> bodyTask(TaskEntity task) {
    return BodyTask.of(task.getId(), task.getName(), task.getDueDate(), task.getAssignee(), task.getCandidates(),
        task::getVariable, audience);
  }

  private Optional<DepartmentTask> departmentTask(TaskEntity task) {
    return DepartmentTask.of(task.getId(), task.getName(), task.getDueDate(), task.getProcessInstanceId(),
        task.getAssignee(), task.getCandidates(), task::getVariable, audience);
  }
}
