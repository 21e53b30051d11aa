package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.organization.CampaignFilters;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, open tasks created before task cards named their unit and campaign get the line
 * too ({@link TaskCards}), a page of tasks at a time, and the running campaigns' Tasklist filters
 * are put right ({@link CampaignFilters#synchronize()}). Only where the job executor runs (not in
 * the audit verifier's shell run, and not in the tests, which call {@link #backfill()}), like
 * escalation.DeadlineTimerBackfill.
 */
@Component
class TaskCardBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCardBackfill.class);
  private static final int PAGE = 200;

  private final TaskService tasks;
  private final TaskCards cards;
  private final CampaignFilters campaignFilters;
  private final boolean jobExecution;

  TaskCardBackfill(TaskService tasks, TaskCards cards, CampaignFilters campaignFilters,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
    this.tasks = tasks;
    this.cards = cards;
    this.campaignFilters = campaignFilters;
    this.jobExecution = jobExecution;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartUp() {
    if (jobExecution) {
      backfill();
    }
  }

  void backfill() {
    campaignFilters.synchronize();
    int labelled = 0;
    for (int first = 0;; first += PAGE) {
      List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
      for (Task task : page) {
        try {
          if (label(task)) {
            labelled++;
          }
        } catch (RuntimeException e) {
          LOG.warn("任务 {} 的单位和活动名称未能补记 / task card label of task {} not set: {}", task.getId(), task.getId(),
              e.getMessage());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    if (labelled > 0) {
      LOG.info("为 {} 个已有任务补记了单位和活动名称 / task card label set on {} existing tasks", labelled, labelled);
    }
  }

  private boolean label(Task task) {
    if (task.getProcessInstanceId() == null) {
      return false;
    }
    Map<String, Object> variables = tasks.getVariables(task.getId(), UrgencyController.LABEL_VARIABLES);
    return cards.label(tasks.getIdentityLinksForTask(task.getId()), variables::get)
        .filter(card -> !card.described(task.getDescription()).equals(task.getDescription()))
        .map(card -> {
          task.setDescription(card.described(task.getDescription()));
          tasks.saveTask(task);
          return true;
        })
        .orElse(false);
  }
}
