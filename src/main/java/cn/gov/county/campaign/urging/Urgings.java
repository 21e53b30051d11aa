package cn.gov.county.campaign.urging;

import cn.gov.county.campaign.audit.AuditRecords;
import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's one-click 催办 from the supervision ledger: every open task of the unit in the
 * campaign (its candidate-group tasks and those assigned to its leading team) gets a row in
 * {@code campaign_urging}, in the same transaction as the click's entry in the campaign's audit
 * chain and the in-app notification of the liaison (and of the head when a task is his), mailed
 * where mail is on. Who may urge is the controller's question; this class trusts its caller.
 */
@Service
public class Urgings {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CampaignDates.CHINA);
  private static final String COLUMNS = "id, urging_id, campaign_code, department, task_id, task_name, process_instance_id, "
      + "due_at, urged_by, urged_at";

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final HistoryService history;
  private final Organization organization;
  private final AuditRecords audit;
  private final Notifications notifications;

  Urgings(JdbcTemplate jdbc, TaskService tasks, HistoryService history, Organization organization, AuditRecords audit,
      Notifications notifications) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.history = history;
    this.organization = organization;
    this.audit = audit;
    this.notifications = notifications;
  }

  /** The unit's open tasks in the campaign: those of its group and those assigned to its leading team. */
  public List<Task> openTasksOf(String campaignCode, String department) {
    Organization.Department unit = organization.department(department).orElseThrow();
    Set<String> leaders = unit.leadingTeam().stream().map(Organization.Person::id).collect(Collectors.toSet());
    List<Task> found = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(campaignCode)
        .processVariableValueEquals(CampaignModel.DEPARTMENT, department).orderByDueDate().asc().list()) {
      boolean ofUnit = (t.getAssignee() != null && leaders.contains(t.getAssignee()))
          || tasks.getIdentityLinksForTask(t.getId()).stream()
              .anyMatch((IdentityLink l) -> department.equals(l.getGroupId()));
      if (ofUnit) {
        found.add(t);
      }
    }
    return found;
  }

  /** Urges the unit about its open tasks; empty when it has none (nothing is recorded then). */
  @Transactional
  public Optional<List<Urging>> urge(String campaignCode, String department, String userId) {
    List<Task> open = openTasksOf(campaignCode, department);
    Optional<HistoricProcessInstance> root = campaignRoot(campaignCode);
    if (open.isEmpty() || root.isEmpty()) {
      return Optional.empty();
    }
    String urgingId = UUID.randomUUID().toString();
    Instant now = EngineInternals.now();
    Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, CampaignDates.CHINA));
    for (Task t : open) {
      jdbc.update("INSERT INTO campaign_urging (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), urgingId, campaignCode, department, t.getId(), t.getName(),
          t.getProcessInstanceId(), t.getDueDate() == null ? null : new Timestamp(t.getDueDate().getTime()), userId,
          at);
    }
    SortedMap<String, String> fields = new TreeMap<>();
    fields.put("campaignCode", campaignCode);
    fields.put("department", department);
    fields.put("taskIds", open.stream().map(Task::getId).collect(Collectors.joining(",")));
    fields.put("taskNames", open.stream().map(Task::getName).collect(Collectors.joining("、")));
    fields.put("urgedBy", userId);
    fields.put("urgedAt", Long.toString(at.getTime()));
    audit.urgingRecorded(urgingId, campaignCode, root.get().getId(), fields);

    Organization.Department unit = organization.department(department).orElseThrow();
    String names = open.stream().map(t -> "「" + t.getName() + "」").distinct().collect(Collectors.joining(""));
    String subject = "【催办】" + campaignName(root.get()) + "：请抓紧办理" + names;
    String body = unit.name() + "：\n领导小组办公室（" + nameOf(userId) + "）于" + MINUTE.format(now) + "催办本单位在整改活动「"
        + campaignName(root.get()) + "」（" + campaignCode + "）中的待办事项" + names + "，请在任务列表中抓紧办理。";
    Set<Recipient> recipients = new LinkedHashSet<>();
    recipients.add(recipient(unit.liaison()));
    if (open.stream().anyMatch(t -> unit.head().id().equals(t.getAssignee()))) {
      recipients.add(recipient(unit.head()));
    }
    notifications.send(new Notification("urging:" + urgingId, campaignCode, department, subject, body, null),
        List.copyOf(recipients));
    return Optional.of(byUrging(urgingId));
  }

  /** Every urging about the task, the latest first. */
  public List<Urging> ofTask(String taskId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_urging WHERE task_id = ? ORDER BY urged_at DESC, id",
        this::urging, taskId);
  }

  /** The campaign's urgings of one unit, the latest first. */
  public List<Urging> ofUnit(String campaignCode, String department) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_urging WHERE campaign_code = ? AND department = ? "
        + "ORDER BY urged_at DESC, id", this::urging, campaignCode, department);
  }

  private List<Urging> byUrging(String urgingId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_urging WHERE urging_id = ? ORDER BY id", this::urging,
        urgingId);
  }

  private Urging urging(ResultSet rs, int row) throws SQLException {
    Instant urgedAt = rs.getTimestamp("urged_at").toLocalDateTime().atZone(CampaignDates.CHINA).toInstant();
    Timestamp due = rs.getTimestamp("due_at");
    String department = rs.getString("department");
    String by = rs.getString("urged_by");
    String taskName = rs.getString("task_name");
    return new Urging(rs.getString("id"), rs.getString("urging_id"), rs.getString("campaign_code"), department,
        organization.department(department).map(Organization.Department::name).orElse(department),
        rs.getString("task_id"),
        taskName, rs.getString("process_instance_id"), due == null ? null : due.toInstant(), by, nameOf(by), urgedAt,
        "领导小组办公室（" + nameOf(by) + "）于" + MINUTE.format(urgedAt) + "催办「" + taskName + "」，请抓紧办理。");
  }

  private String nameOf(String userId) {
    return organization.people().filter(p -> p.id().equals(userId)).map(Organization.Person::name).findFirst()
        .orElse(userId);
  }

  private Recipient recipient(Organization.Person person) {
    return new Recipient(person.id(), person.name(), organization.emailOf(person));
  }

  Optional<HistoricProcessInstance> campaignRoot(String campaignCode) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst();
  }

  private String campaignName(HistoricProcessInstance root) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(root.getId()).variableName("campaignName")
        .list();
    return v.isEmpty() || v.get(0).getValue() == null ? root.getBusinessKey() : String.valueOf(v.get(0).getValue());
  }
}
