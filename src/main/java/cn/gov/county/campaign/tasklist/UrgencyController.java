package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.CampaignApiAuthentication.Caller;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How urgent an open task is, for its card and the banner above its form in Tasklist: overdue
 * (with the working days) or due soon (its follow-up date reached), and the numbered notices of
 * the escalation ladder its department has received for it ({@link EscalationLedger} keys them by
 * the overdue task's id). Only for who may read the task: for anyone else it does not exist (404).
 * The engine's clock decides, not the browser's.
 */
@RestController
class UrgencyController {

  static final String OVERDUE = "overdue";
  static final String DUE_SOON = "due-soon";
  static final String ON_TIME = "on-time";

  static final List<String> LABEL_VARIABLES = List.of(CampaignModel.CAMPAIGN_CODE, "campaignName", "department");

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm");

  private final TaskService tasks;
  private final Deadlines deadlines;
  private final EscalationLedger ledger;
  private final Notices notices;
  private final TaskCards cards;
  private final IdentityService identity;

  UrgencyController(TaskService tasks, Deadlines deadlines, EscalationLedger ledger, Notices notices, TaskCards cards,
      IdentityService identity) {
    this.tasks = tasks;
    this.cards = cards;
    this.identity = identity;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.notices = notices;
  }

  @GetMapping("/campaign/api/tasks/{taskId}/urgency")
  ResponseEntity<?> urgency(@PathVariable String taskId, HttpServletRequest request) {
    Caller caller = CampaignApiAuthentication.current(request);
    // the caller's own task query: the engine's authorization decides who finds the task
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "任务不存在、已办结或无权查看。");
    }
    Date now = EngineInternals.currentTime();
    Date due = task.getDueDate();
    Date followUp = task.getFollowUpDate();
    String state = due == null
        ? ON_TIME
        : now.after(due)
            ? OVERDUE
            : followUp != null && !now.before(followUp) ? DUE_SOON : ON_TIME;
    int workingDaysOverdue = OVERDUE.equals(state) ? deadlines.workingDaysOverdue(due, now) : 0;

    List<Map<String, Object>> received = new ArrayList<>();
    for (EscalationLedger.Step step : ledger.issuedStepsOf(taskId)) {
      Optional<IssuedNotice> notice = Optional.ofNullable(step.noticeNumber()).flatMap(notices::byNumber);
      if (notice.isEmpty() || !(notice.get().circulated() || caller.reads(notice.get().department()))) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step", step.step());
      row.put("stepLabel", step.stepLabel());
      row.put("kind", notice.get().kind().label());
      row.put("number", notice.get().number());
      row.put("title", notice.get().title());
      row.put("issuedOn", notice.get().issuedOn().toString());
      row.put("url", notice.get().url());
      received.add(row);
    }

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("taskId", task.getId());
    body.put("taskName", task.getName());
    body.put("label", label(task));
    body.put("dueDate", due);
    body.put("dueDateLabel", due == null ? null : DAY_TIME.format(due.toInstant().atZone(CampaignDates.CHINA)));
    body.put("followUpDate", followUp);
    body.put("state", state);
    body.put("workingDaysOverdue", workingDaysOverdue);
    body.put("notices", received);
    body.put("summary", summary(state, workingDaysOverdue, body.get("dueDateLabel"), received));
    return ResponseEntity.ok(body);
  }

  /** The banner's text, e.g. "已逾期3个工作日 · 已收到《关于…的催办通知》（ZG-2026-7K3P〔2026〕1号）". */
  static String summary(String state, int workingDaysOverdue, Object dueDateLabel, List<Map<String, Object>> received) {
    List<String> parts = new ArrayList<>();
    if (OVERDUE.equals(state)) {
      parts.add(workingDaysOverdue > 0 ? "已逾期" + workingDaysOverdue + "个工作日" : "已逾期");
    } else if (DUE_SOON.equals(state)) {
      parts.add("即将到期（办理时限" + dueDateLabel + "）");
    }
    if (!received.isEmpty()) {
      parts.add("已收到" + String.join("、", received.stream()
          .map(n -> "《" + n.get("title") + "》（" + n.get("number") + "）").toList()));
    }
    return String.join(" · ", parts);
  }

  /** Unit and campaign, read without the caller's rights (he may read the task, so he may know whose it is). */
  private String label(Task task) {
    return EngineInternals.withoutUser(identity, () -> cards.label(tasks.getIdentityLinksForTask(task.getId()),
        tasks.getVariables(task.getId(), LABEL_VARIABLES)::get).map(TaskCards.Card::text).orElse(null));
  }
}
