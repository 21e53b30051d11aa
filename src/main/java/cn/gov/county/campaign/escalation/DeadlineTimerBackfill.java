package cn.gov.county.campaign.escalation;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upgrading from a version that watched deadlines with a periodic scan: at the first start, every
 * open task with a due date gets its deadline timers ({@link DeadlineTimers}), a page of tasks per
 * transaction. It runs while no deadline timer exists at all, so once, whichever node starts first;
 * a second node doing the same at the same moment is refused task by task by the timers' ids.
 * Only where the job executor runs (not in the audit verifier's shell run).
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class DeadlineTimerBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineTimerBackfill.class);
  private static final int PAGE = 200;

  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final CommandExecutor commands;

  DeadlineTimerBackfill(ProcessEngine engine, JdbcTemplate jdbc) {
    this.tasks = engine.getTaskService();
    this.jdbc = jdbc;
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfill() {
    Integer timers = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?", Integer.class,
        DeadlineTimers.TYPE);
    if (timers != null && timers > 0) {
      return;
    }
    int scheduled = 0;
    for (int first = 0;; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().dueAfter(new Date(0)).orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        try {
          commands.execute(context -> {
            TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
            if (entity != null) {
              DeadlineTimers.schedule(entity);
            }
            return null;
          });
          scheduled++;
        } catch (RuntimeException e) {
          LOG.warn("任务 {} 的期限检查未能排定（可能已由另一节点排定）/ deadline timers of task {} not scheduled: {}",
              task.getId(), task.getId(), e.getMessage());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (scheduled > 0) {
      LOG.info("为 {} 个已有任务排定了期限检查 / deadline timers scheduled for {} existing tasks", scheduled, scheduled);
    }
  }
}
