package cn.gov.county.campaign.review;

import cn.gov.county.campaign.evidence.EvidenceFiles;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.record.DepartmentHistory;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * Assembles a department's {@link DepartmentDossier} for one campaign from history (process,
 * task, activity and variable history, the user operation log, the identity link log) and the
 * campaign's notice and notification tables.
 *
 * <p>Which instances are the department's: every instance with the campaign code as business key
 * whose own (process-level) variable {@code department} is the department: its self-inspection,
 * rectification plan and consolidation, each rectification item, each supervisory escalation,
 * each complaint, each problem assignment. The campaign instance and survey rounds hold
 * {@code department} only inside a multi-instance scope; they are not the department's, but a
 * survey round that gave the department a task (a public commitment) is listed as
 * {@link DepartmentDossier#SHARED} with that task only.
 *
 * <p>Callers check who may read the dossier; the reading should run without the caller's engine
 * authorizations ({@code EngineInternals.withoutUser}), as the controller does.
 */
@Service
public class DepartmentDossiers {

  /** Multi-instance bookkeeping: changes of these are noise, not the department's data. */
  static final Set<String> BOOKKEEPING = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
      "loopCounter");

  static final String DIAGRAM_URL = "/campaign/api/review/process-instances/%s/diagram";

  /**
   * Processes of a department that its own users may not read: the democratic evaluation of its
   * leaders (votes, and whether the organization department had to review them, are for the
   * working bodies only; docs/campaign-reference.md "Democratic evaluation"). Their instances, tasks, submissions,
   * changes and task notifications are left out of a dossier read for the department, and their
   * diagrams are for those who read every department's.
   */
  public static final Set<String> RESTRICTED_PROCESSES = Set.of("DemocraticEvaluationProcess");

  private static final String COMPLETE = UserOperationLogEntry.OPERATION_TYPE_COMPLETE;
  private static final Set<String> VARIABLE_OPERATIONS = Set.of("SetVariable", "SetVariables", "ModifyVariable",
      "RemoveVariable", "SetVariablesAsync", "SetVariableLocal");

  private final HistoryService history;
  private final RepositoryService repository;
  private final Notices notices;
  private final Notifications notifications;
  private final DepartmentDossierForms forms;
  private final EvidenceFiles evidence;
  private final DepartmentHistory departmentHistory;

  DepartmentDossiers(HistoryService history, RepositoryService repository,
      Notices notices, Notifications notifications, DepartmentDossierForms forms, EvidenceFiles evidence,
      DepartmentHistory departmentHistory) {
    this.departmentHistory = departmentHistory;
    this.evidence = evidence;
    this.history = history;
    this.repository = repository;
    this.notices = notices;
    this.notifications = notifications;
    this.forms = forms;
  }

  /**
   * The full dossier, for the office and the reviewing bodies. Empty when there is no such
   * campaign, or the department is unknown and has nothing in it.
   */
  public Optional<DepartmentDossier> of(String campaignCode, String department) {
    return of(campaignCode, department, true);
  }

  /**
   * @param withRestricted false for a department's own users: without the instances of
   *                       {@link #RESTRICTED_PROCESSES}
   */
  public Optional<DepartmentDossier> of(String campaignCode, String department, boolean withRestricted) {
    HistoricProcessInstance campaign = departmentHistory.campaign(campaignCode).orElse(null);
    if (campaign == null) {
      return Optional.empty();
    }
    Optional<Organization.Department> unit = departmentHistory.unit(department);
    List<HistoricProcessInstance> own = departmentHistory.ownInstances(campaignCode, department);
    if (unit.isEmpty() && own.isEmpty()) {
      return Optional.empty();
    }
    Set<String> restrictedTasks = new HashSet<>();
    if (!withRestricted) {
      List<HistoricProcessInstance> restricted = own.stream()
          .filter(i -> RESTRICTED_PROCESSES.contains(i.getProcessDefinitionKey())).toList();
      restricted.forEach(i -> history.createHistoricTaskInstanceQuery().processInstanceId(i.getId()).list()
          .forEach(t -> restrictedTasks.add(t.getId())));
      own = own.stream().filter(i -> !restricted.contains(i)).toList();
    }

    // tasks: every task of the department's instances, and the department's tasks elsewhere in the campaign
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    for (HistoricProcessInstance instance : own) {
      history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()
          .forEach(t -> tasks.put(t.getId(), t));
    }
    Set<String> ownIds = own.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    List<HistoricTaskInstance> elsewhere = departmentHistory.tasks(campaignCode, department, unit);
    Set<String> sharedIds = new LinkedHashSet<>();
    for (HistoricTaskInstance task : elsewhere) {
      boolean hidden = !withRestricted && (restrictedTasks.contains(task.getId())
          || RESTRICTED_PROCESSES.contains(task.getProcessDefinitionKey()));
      if (task.getProcessInstanceId() != null && !ownIds.contains(task.getProcessInstanceId()) && !hidden) {
        tasks.putIfAbsent(task.getId(), task);
        sharedIds.add(task.getProcessInstanceId());
      }
    }
    List<HistoricProcessInstance> shared = sharedIds.isEmpty()
        ? List.of()
        : history.createHistoricProcessInstanceQuery().processInstanceIds(sharedIds).list();

    List<HistoricProcessInstance> instances = new ArrayList<>(own);
    instances.addAll(shared);
    Map<String, HistoricProcessInstance> instanceById = new HashMap<>();
    instances.forEach(i -> instanceById.put(i.getId(), i));

    // who did what: the user operation log of those instances
    Map<String, List<UserOperationLogEntry>> opsByTask = new HashMap<>();
    Map<String, UserOperationLogEntry> opByOperationId = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(instance.getId())
          .orderByTimestamp().asc().list()) {
        if (entry.getTaskId() != null) {
          opsByTask.computeIfAbsent(entry.getTaskId(), id -> new ArrayList<>()).add(entry);
        }
        if (entry.getOperationId() != null) {
          opByOperationId.merge(entry.getOperationId(), entry, DepartmentDossiers::preferred);
        }
      }
    }

    List<HistoricVariableUpdate> updates = variableUpdates(instances);

    List<HistoricTaskInstance> sortedTasks = tasks.values().stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId))
        .toList();
    List<DepartmentDossier.Task> taskRecords = new ArrayList<>();
    List<DepartmentDossier.Submission> submissions = new ArrayList<>();
    Map<String, DepartmentDossier.Task> submittedWith = new HashMap<>();
    for (HistoricTaskInstance task : sortedTasks) {
      List<UserOperationLogEntry> ops = opsByTask.getOrDefault(task.getId(), List.of());
      DepartmentDossier.Task record = task(task, instanceById.get(task.getProcessInstanceId()), ops);
      taskRecords.add(record);
      if ("COMPLETED".equals(record.status())) {
        submissions.add(submission(task, record, ops, updates, submittedWith));
      }
    }
    submissions.sort(Comparator.comparing(DepartmentDossier.Submission::submittedAt,
        Comparator.nullsLast(Comparator.naturalOrder())));

    return Optional.of(new DepartmentDossier(campaignCode, campaignName(campaign), campaign.getEndTime() == null
        ? "进行中"
        : "已结束", department, unit.map(Organization.Department::name).orElse(department),
        EngineInternals.now(),
        instances.stream().sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
            .map(i -> instance(i, ownIds.contains(i.getId()))).toList(),
        taskRecords, submissions,
        changes(updates, ownIds, instanceById, opByOperationId, tasks, submittedWith),
        notices.ofCampaign(campaignCode, department).stream().map(DepartmentDossiers::notice).toList(),
        notifications.ofCampaign(campaignCode, department).stream()
            .filter(n -> restrictedTasks.stream().noneMatch(id -> n.eventKey() != null && n.eventKey().contains(id)))
            .map(DepartmentDossiers::notification).toList(),
        evidence.ofCampaign(campaignCode, department).stream()
            .filter(f -> withRestricted || !RESTRICTED_PROCESSES.contains(f.processDefinitionKey())).toList()));
  }

  /** Every variable update of the instances, in the order they happened (per variable by revision). */
  private List<HistoricVariableUpdate> variableUpdates(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc()
        .list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        updates.add(update);
      }
    }
    return updates;
  }

  private DepartmentDossier.ProcessInstance instance(HistoricProcessInstance i, boolean own) {
    String state = i.getState();
    String label = switch (state == null ? "" : state) {
      case HistoricProcessInstance.STATE_ACTIVE -> "进行中";
      case HistoricProcessInstance.STATE_SUSPENDED -> "已挂起";
      case HistoricProcessInstance.STATE_COMPLETED -> "已完成";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> "已撤销";
      case HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "已终止";
      default -> i.getEndTime() == null ? "进行中" : "已结束";
    };
    return new DepartmentDossier.ProcessInstance(i.getId(), i.getProcessDefinitionKey(), i.getProcessDefinitionName(),
        i.getProcessDefinitionVersion() == null ? 0 : i.getProcessDefinitionVersion(),
        own ? DepartmentDossier.OWN : DepartmentDossier.SHARED, i.getSuperProcessInstanceId(),
        instant(i.getStartTime()),
        instant(i.getEndTime()), state, label, elementName(i.getProcessDefinitionId(), i.getEndActivityId()),
        i.getDeleteReason(), DIAGRAM_URL.formatted(i.getId()));
  }

  private DepartmentDossier.Task task(HistoricTaskInstance t, HistoricProcessInstance instance,
      List<UserOperationLogEntry> ops) {
    List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(t.getId())
        .orderByTime().asc().list();
    Set<String> groups = new TreeSet<>();
    links.stream().filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .forEach(l -> groups.add(l.getGroupId()));
    ModelElementInstance definition = repository.getBpmnModelInstance(t.getProcessDefinitionId())
        .getModelElementById(t.getTaskDefinitionKey());
    boolean modelAssigns = definition instanceof UserTask userTask && userTask.getCamundaAssignee() != null;
    List<DepartmentDossier.AssigneeChange> assigneeHistory = assigneeHistory(t, ops, links, modelAssigns);

    String status;
    String statusLabel;
    if (t.getEndTime() == null) {
      status = "OPEN";
      statusLabel = "办理中";
    } else if ("completed".equals(t.getDeleteReason())) {
      status = "COMPLETED";
      statusLabel = "已办结";
    } else {
      status = "CLOSED";
      statusLabel = t.getDueDate() != null && !t.getEndTime().before(t.getDueDate())
          ? "到期未办理，已关闭"
          : "已关闭（" + ("deleted".equals(t.getDeleteReason()) || t.getDeleteReason() == null
              ? "未办理即结束"
              : t.getDeleteReason()) + "）";
    }
    DepartmentDossier.AssigneeChange claim = assigneeHistory.stream()
        .filter(c -> UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(c.operation()) && c.toAssignee() != null)
        .reduce((a, b) -> b).orElse(null);
    UserOperationLogEntry complete = ops.stream().filter(o -> COMPLETE.equals(o.getOperationType()))
        .reduce((a, b) -> b).orElse(null);
    String completedBy = null;
    Instant completedAt = null;
    if ("COMPLETED".equals(status)) {
      completedBy = complete != null ? complete.getUserId() : t.getAssignee();
      completedAt = complete != null ? instant(complete.getTimestamp()) : instant(t.getEndTime());
    }
    return new DepartmentDossier.Task(t.getId(), t.getProcessInstanceId(), t.getProcessDefinitionKey(),
        instance == null ? t.getProcessDefinitionKey() : instance.getProcessDefinitionName(), t.getTaskDefinitionKey(),
        t.getName(), String.join(",", groups), instant(t.getStartTime()), instant(t.getDueDate()),
        instant(t.getEndTime()), status, statusLabel, t.getDeleteReason(), t.getAssignee(),
        claim == null ? null : claim.toAssignee(), claim == null ? null : claim.at(), completedBy, completedAt,
        assigneeHistory);
  }

  /**
   * The operation log's assignee changes (one per operation) and the completion, plus assignees
   * the identity link log has and no user operation explains: the first one is the model's
   * ({@code camunda:assignee}) when the task definition has one; others were set by a call that
   * logged no user (the engine's API without an authenticated user).
   */
  private static List<DepartmentDossier.AssigneeChange> assigneeHistory(HistoricTaskInstance t,
      List<UserOperationLogEntry> ops, List<HistoricIdentityLinkLog> links, boolean modelAssigns) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    ops.forEach(o -> byOperation.computeIfAbsent(o.getOperationId() == null ? o.getId() : o.getOperationId(),
        id -> new ArrayList<>()).add(o));
    List<DepartmentDossier.AssigneeChange> changes = new ArrayList<>();
    for (List<UserOperationLogEntry> operation : byOperation.values()) {
      UserOperationLogEntry first = operation.get(0);
      UserOperationLogEntry assignee = operation.stream().filter(o -> "assignee".equals(o.getProperty())).findFirst()
          .orElse(null);
      String type = first.getOperationType();
      if (assignee == null && !COMPLETE.equals(type) && !"Delegate".equals(type) && !"Resolve".equals(type)) {
        continue;
      }
      String from = assignee != null ? assignee.getOrgValue() : null;
      String to = assignee != null ? assignee.getNewValue() : null;
      if (COMPLETE.equals(type)) {
        from = t.getAssignee();
        to = t.getAssignee();
      }
      changes.add(new DepartmentDossier.AssigneeChange(t.getId(), instant(first.getTimestamp()), type,
          operationLabel(type, to), first.getUserId(), from, to));
    }
    for (HistoricIdentityLinkLog link : links) {
      if (!"assignee".equals(link.getType()) || !"add".equals(link.getOperationType()) || link.getUserId() == null) {
        continue;
      }
      long at = link.getTime().getTime();
      boolean explained = changes.stream().anyMatch(c -> !COMPLETE.equals(c.operation())
          && link.getUserId().equals(c.toAssignee()) && Math.abs(c.at().toEpochMilli() - at) <= 2_000);
      if (!explained) {
        boolean byModel = modelAssigns && changes.stream().noneMatch(c -> "AssignedByProcess".equals(c.operation()));
        changes.add(new DepartmentDossier.AssigneeChange(t.getId(), instant(link.getTime()),
            byModel ? "AssignedByProcess" : "AssigneeSet", byModel ? "流程指定办理人" : "设定办理人（未记录操作人）",
            null, null, link.getUserId()));
      }
    }
    changes.sort(Comparator.comparing(DepartmentDossier.AssigneeChange::at));
    return changes;
  }

  private static String operationLabel(String type, String toAssignee) {
    return switch (type) {
      case "Claim" -> toAssignee == null ? "取消认领" : "认领";
      case "Assign", "SetAssignee" -> "指派办理人";
      case "Delegate" -> "委托办理";
      case "Resolve" -> "委托办理完毕";
      case "SetOwner" -> "设定任务所有人";
      case "Complete" -> "办结";
      case "Update" -> "修改任务";
      default -> type;
    };
  }

  /**
   * What the task's completion wrote: the variable updates carrying the Complete operation's id
   * (the engine tags the variables passed to complete/submit-form with it, not those written by
   * listeners or delegates in the same transaction). A completion without a logged user (an engine
   * API call with no authenticated user) has no operation: then the updates in the task's activity
   * instance between its creation and its end without an operation id are taken.
   */
  private DepartmentDossier.Submission submission(HistoricTaskInstance task, DepartmentDossier.Task record,
      List<UserOperationLogEntry> ops, List<HistoricVariableUpdate> updates,
      Map<String, DepartmentDossier.Task> submittedWith) {
    String operationId = ops.stream().filter(o -> COMPLETE.equals(o.getOperationType())).reduce((a, b) -> b)
        .map(UserOperationLogEntry::getOperationId).orElse(null);
    Map<String, HistoricVariableUpdate> submitted = new LinkedHashMap<>();
    for (HistoricVariableUpdate update : updates) {
      boolean belongs;
      if (operationId != null) {
        belongs = operationId.equals(update.getUserOperationId());
      } else {
        belongs = update.getUserOperationId() == null
            && (task.getId().equals(update.getTaskId())
                || (task.getActivityInstanceId() != null
                    && task.getActivityInstanceId().equals(update.getActivityInstanceId())))
            && !update.getTime().before(task.getStartTime()) && !update.getTime().after(task.getEndTime());
      }
      if (belongs) {
        submitted.remove(update.getVariableName());
        submitted.put(update.getVariableName(), update);
        submittedWith.put(update.getId(), record);
      }
    }
    DepartmentDossierForms.Labels labels = forms.ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    List<String> order = new ArrayList<>(labels.labels().keySet());
    List<DepartmentDossier.Field> fields = submitted.values().stream()
        .sorted(Comparator.comparing((HistoricVariableUpdate u) -> {
          int index = order.indexOf(u.getVariableName());
          return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(HistoricVariableUpdate::getVariableName))
        .map(u -> {
          String value = render(u);
          return new DepartmentDossier.Field(u.getVariableName(), labels.labelOf(u.getVariableName()), u.getTypeName(),
              value, labels.optionLabel(u.getVariableName(), value), labels.columnsOf(u.getVariableName()));
        }).toList();
    return new DepartmentDossier.Submission(task.getId(), task.getName(), task.getProcessInstanceId(),
        record.processName(), record.completedBy(), record.completedAt(), fields);
  }

  /**
   * Every update of a variable of the department's own instances after its first value: who made
   * it from the user operation that carries it, else from the completion it was submitted with.
   */
  private List<DepartmentDossier.VariableChange> changes(List<HistoricVariableUpdate> updates, Set<String> ownIds,
      Map<String, HistoricProcessInstance> instances, Map<String, UserOperationLogEntry> opByOperationId,
      Map<String, HistoricTaskInstance> tasks, Map<String, DepartmentDossier.Task> submittedWith) {
    Map<String, List<HistoricVariableUpdate>> byVariable = new LinkedHashMap<>();
    for (HistoricVariableUpdate update : updates) {
      if (ownIds.contains(update.getProcessInstanceId()) && !BOOKKEEPING.contains(update.getVariableName())) {
        byVariable.computeIfAbsent(update.getVariableInstanceId(), id -> new ArrayList<>()).add(update);
      }
    }
    List<DepartmentDossier.VariableChange> changes = new ArrayList<>();
    for (List<HistoricVariableUpdate> versions : byVariable.values()) {
      List<HistoricVariableUpdate> ordered = new ArrayList<>(versions);
      ordered.sort(Comparator.comparingInt(HistoricVariableUpdate::getRevision)); // stable: time order within a revision
      for (int i = 1; i < ordered.size(); i++) {
        HistoricVariableUpdate before = ordered.get(i - 1);
        HistoricVariableUpdate update = ordered.get(i);
        HistoricProcessInstance instance = instances.get(update.getProcessInstanceId());
        UserOperationLogEntry op = update.getUserOperationId() == null
            ? null
            : opByOperationId.get(update.getUserOperationId());
        String via;
        String viaLabel;
        String taskId = null;
        String taskName = null;
        String changedBy = op == null ? null : op.getUserId();
        DepartmentDossier.Task completion = submittedWith.get(update.getId());
        if (op == null && completion != null) {
          via = "SUBMISSION";
          taskId = completion.id();
          taskName = completion.name();
          changedBy = completion.completedBy();
          viaLabel = "办结任务时提交：" + taskName;
        } else if (op == null) {
          via = "PROCESS";
          viaLabel = "流程自动写入（监听器、服务任务或定时器）";
        } else if (COMPLETE.equals(op.getOperationType())) {
          via = "SUBMISSION";
          taskId = op.getTaskId();
          HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
          taskName = task == null ? null : task.getName();
          viaLabel = "办结任务时提交" + (taskName == null ? "" : "：" + taskName);
        } else {
          via = "USER";
          taskId = op.getTaskId();
          HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
          taskName = task == null ? null : task.getName();
          viaLabel = VARIABLE_OPERATIONS.contains(op.getOperationType())
              ? "直接修改流程变量（" + op.getOperationType() + "）"
              : "用户操作（" + op.getOperationType() + "）";
        }
        DepartmentDossierForms.Labels labels = forms.ofProcess(update.getProcessDefinitionId());
        changes.add(new DepartmentDossier.VariableChange(update.getProcessInstanceId(),
            instance == null ? update.getProcessDefinitionKey() : instance.getProcessDefinitionName(),
            update.getVariableName(), labels.labelOf(update.getVariableName()), update.getTypeName(), render(before),
            render(update), update.getRevision(), changedBy, instant(update.getTime()), via,
            viaLabel, op == null ? null : op.getOperationType(), taskId, taskName));
      }
    }
    changes.sort(Comparator.comparing(DepartmentDossier.VariableChange::changedAt));
    return changes;
  }

  private static String render(HistoricVariableUpdate update) {
    return DepartmentDossierValues.render(update.getErrorMessage() == null ? update.getTypedValue() : null,
        update.getTypeName(), update.getErrorMessage());
  }

  /** Of the entries of one operation, the one that says what it was (a Complete over its side entries). */
  private static UserOperationLogEntry preferred(UserOperationLogEntry a, UserOperationLogEntry b) {
    if (COMPLETE.equals(b.getOperationType()) && !COMPLETE.equals(a.getOperationType())) {
      return b;
    }
    return a;
  }

  private String campaignName(HistoricProcessInstance campaign) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId())
        .variableName("campaignName").list().stream()
        .filter(v -> campaign.getId().equals(v.getActivityInstanceId()) && v.getValue() != null)
        .map(v -> v.getValue().toString()).findFirst().orElse(campaign.getBusinessKey());
  }

  private String elementName(String processDefinitionId, String elementId) {
    if (elementId == null) {
      return null;
    }
    ModelElementInstance element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
    return element instanceof FlowElement flow ? flow.getName() : null;
  }

  private static DepartmentDossier.Notice notice(IssuedNotice n) {
    return new DepartmentDossier.Notice(n.id(), n.number(), n.kind().name(), n.kind().label(), n.title(),
        n.issuedOn() == null ? null : n.issuedOn().toString(), n.url());
  }

  private static DepartmentDossier.NotificationSent notification(NotificationRecord n) {
    return new DepartmentDossier.NotificationSent(n.id(), n.eventKey(), n.recipientId(), n.recipientName(), n.subject(),
        n.status(), n.statusLabel(), n.createdAt(), n.sentAt(), n.attempts(), n.lastError());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
