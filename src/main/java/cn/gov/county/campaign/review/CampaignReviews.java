package cn.gov.county.campaign.review;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.complaint.ComplaintRecord;
import cn.gov.county.campaign.complaint.Complaints;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.deadline.WorkingDayCalendar;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.record.DepartmentRecord;
import cn.gov.county.campaign.record.DepartmentRecords;
import cn.gov.county.campaign.review.CampaignReview.Campaign;
import cn.gov.county.campaign.review.CampaignReview.LedgerRow;
import cn.gov.county.campaign.review.CampaignReview.OperationLogEntry;
import cn.gov.county.campaign.review.CampaignReview.Overview;
import cn.gov.county.campaign.review.CampaignReview.Phase;
import cn.gov.county.campaign.review.CampaignReview.PhaseCell;
import cn.gov.county.campaign.review.CampaignReview.TimelineEntry;
import cn.gov.county.campaign.survey.SurveyRounds;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.JsonVariables;
import cn.gov.county.campaign.urging.Urging;
import cn.gov.county.campaign.urging.Urgings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Reads campaigns for the campaign view (docs/campaign-reference.md "The auditors' and office's workspace"): every
 * campaign with its phases, a campaign's supervision ledger and timeline, and the operation log of
 * its process instances. Everything comes from history and the campaign's own records; callers
 * check who may read it, the reading runs without the caller's engine authorizations.
 */
@Service
public class CampaignReviews {

  /** The four phases: the campaign's sub-process ids, their names, their planned-date variables. */
  static final List<String[]> PHASES = List.of(
      new String[]{CampaignModel.Campaign.MOBILIZATION_PHASE, "宣传发动和自查自纠", CampaignModel.MOBILIZATION_START,
          CampaignModel.MOBILIZATION_END},
      new String[]{CampaignModel.Campaign.RESEARCH_PHASE, "调查研究和收集意见", CampaignModel.RESEARCH_START,
          CampaignModel.RESEARCH_END},
      new String[]{CampaignModel.Campaign.RECTIFICATION_PHASE, "梳理问题与限期整改", CampaignModel.RECTIFICATION_START,
          CampaignModel.RECTIFICATION_END},
      new String[]{CampaignModel.Campaign.CONSOLIDATION_PHASE, "总结深化与巩固提高", CampaignModel.CONSOLIDATION_START,
          CampaignModel.CONSOLIDATION_END});

  /** A department's own phases: its process in that phase (problem items count in rectification). */
  static final Map<String, List<String>> DEPARTMENT_PHASES = new LinkedHashMap<>();

  static {
    DEPARTMENT_PHASES.put("宣传发动和自查自纠", List.of(CampaignModel.SELF_INSPECTION_PROCESS));
    DEPARTMENT_PHASES.put("梳理问题与限期整改", List.of(CampaignModel.RECTIFICATION_PLAN_PROCESS,
        CampaignModel.RECTIFICATION_ITEM_PROCESS));
    DEPARTMENT_PHASES.put("总结深化与巩固提高", List.of(CampaignModel.CONSOLIDATION_PROCESS));
  }

  private static final Map<String, String> ENTITIES = Map.of("Task", "任务", "ProcessInstance", "流程实例",
      "Variable", "变量", "Job", "作业", "JobDefinition", "作业定义", "Incident", "故障事件", "Attachment", "附件",
      "IdentityLink", "办理人", "ProcessDefinition", "流程定义");
  private static final Set<String> REVIEW_DECISIONS = Set.of("reportDecision", "verificationDecision");
  private static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("Claim", "认领"),
      Map.entry("Complete", "办结"), Map.entry("Assign", "指派"), Map.entry("SetOwner", "设置所有人"),
      Map.entry("Delegate", "委托"), Map.entry("Resolve", "委托办结"), Map.entry("Create", "创建"),
      Map.entry("Update", "修改"), Map.entry("Delete", "删除"), Map.entry("DeleteHistory", "删除历史"),
      Map.entry("SetVariable", "设置变量"), Map.entry("SetVariables", "设置变量"),
      Map.entry("ModifyVariable", "修改变量"), Map.entry("RemoveVariable", "删除变量"),
      Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SuspendJob", "挂起作业"),
      Map.entry("ActivateJob", "激活作业"), Map.entry("SetJobRetries", "设置重试次数"),
      Map.entry("SetRetries", "设置重试次数"), Map.entry("ModifyProcessInstance", "修改流程实例"),
      Map.entry("Migrate", "迁移"), Map.entry("CorrelateMessage", "触发消息"), Map.entry("Execute", "执行"),
      Map.entry("AddIdentityLink", "添加办理人"), Map.entry("DeleteIdentityLink", "移除办理人"),
      Map.entry("AddAttachment", "添加附件"), Map.entry("DeleteAttachment", "删除附件"),
      Map.entry("CreateIncident", "创建事件"), Map.entry("Resolved", "解决事件"),
      Map.entry("SetRemovalTime", "设置清理时间"), Map.entry("SetDueDate", "修改到期日"),
      Map.entry("SetFollowUpDate", "修改跟进日期"), Map.entry("SetPriority", "修改优先级"));

  private final HistoryService history;
  private final OrganizationDirectory directory;
  private final DepartmentRecords records;
  private final EscalationLedger escalations;
  private final Notices notices;
  private final SurveyRounds surveys;
  private final Complaints complaints;
  private final Urgings urgings;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final PeopleNames people;

  CampaignReviews(HistoryService history, OrganizationDirectory directory, DepartmentRecords records,
      EscalationLedger escalations, Notices notices, SurveyRounds surveys, Complaints complaints, Urgings urgings,
      Deadlines deadlines, WorkingDayCalendar calendar, PeopleNames people) {
    this.urgings = urgings;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.people = people;
    this.history = history;
    this.directory = directory;
    this.records = records;
    this.escalations = escalations;
    this.notices = notices;
    this.surveys = surveys;
    this.complaints = complaints;
  }

  /** Every campaign, running or finished, the latest launched first. */
  public List<Campaign> campaigns() {
    List<HistoricProcessInstance> roots = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).orderByProcessInstanceStartTime().desc().list();
    return roots.stream().filter(root -> root.getBusinessKey() != null).map(this::campaign).toList();
  }

  /** The campaign page: the campaign, its ledger and its timeline. Empty when there is no such campaign. */
  public Optional<Overview> overview(String code) {
    return root(code).map(root -> {
      Campaign campaign = campaign(root);
      List<LedgerRow> ledger = ledger(code, root);
      return new Overview(campaign, ledger, timeline(code, root), EngineInternals.now());
    });
  }

  /** The engine's operation log of every process instance of the campaign, oldest first. */
  public Optional<List<OperationLogEntry>> operationLog(String code) {
    return root(code).map(root -> {
      Map<String, HistoricProcessInstance> instances = instances(code);
      Map<String, String> departments = departmentsOf(instances.keySet());
      Map<String, String> taskNames = new HashMap<>();
      history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).list()
          .forEach(t -> taskNames.put(t.getId(), t.getName()));
      List<OperationLogEntry> entries = new ArrayList<>();
      for (UserOperationLogEntry e : history.createUserOperationLogQuery()
          .afterTimestamp(new Date(root.getStartTime().getTime() - 1000)).orderByTimestamp().asc().list()) {
        if (e.getProcessInstanceId() == null || !instances.containsKey(e.getProcessInstanceId())) {
          continue;
        }
        String operation = OPERATIONS.getOrDefault(e.getOperationType(), e.getOperationType());
        String department = departments.get(e.getProcessInstanceId());
        String taskName = e.getTaskId() == null ? null : taskNames.get(e.getTaskId());
        entries.add(new OperationLogEntry(instant(e.getTimestamp()), e.getUserId(), operation, e.getOperationType(),
            e.getEntityType(), e.getProperty(), e.getOrgValue(), e.getNewValue(), e.getProcessDefinitionKey(),
            e.getProcessInstanceId(), department, e.getTaskId(), e.getCategory(), e.getAnnotation(),
            people.nameOf(e.getUserId()), department == null
                ? null
                : directory.departments().stream()
                    .filter(d -> d.id().equals(department)).map(d -> d.name()).findFirst().orElse(department),
            taskName, logText(e, operation, taskName)));
      }
      return entries;
    });
  }

  /** One operation-log row in plain words: who did what to which task (李明办结任务「制定工作方案」). */
  private String logText(UserOperationLogEntry e, String operation, String taskName) {
    String who = e.getUserId() == null ? "系统" : people.nameOf(e.getUserId());
    String task = taskName == null ? (e.getTaskId() == null ? "" : "任务") : "任务「" + taskName + "」";
    String type = e.getOperationType();
    if ("Claim".equals(type)) {
      return who + "认领" + task;
    }
    if ("Complete".equals(type)) {
      return who + "办结" + task;
    }
    if (("Assign".equals(type) || "SetOwner".equals(type) || "Delegate".equals(type)) && e.getNewValue() != null) {
      return who + "将" + task + operation.replace("设置", "") + "给" + people.nameOf(e.getNewValue());
    }
    if ("Assign".equals(type)) {
      return who + "退回" + task + "（取消认领）";
    }
    if (e.getProperty() != null && type != null && type.contains("Variable")) {
      return who + operation + "「" + e.getProperty() + "」" + (task.isEmpty() ? "" : "（" + task + "）");
    }
    if ("SetDueDate".equals(type) || "SetFollowUpDate".equals(type)) {
      return who + operation + (task.isEmpty() ? "" : "：" + task);
    }
    return who + operation + (task.isEmpty() ? "" : task)
        + (e.getEntityType() != null && task.isEmpty()
            ? "（" + ENTITIES.getOrDefault(e.getEntityType(), e.getEntityType()) + "）"
            : "");
  }

  /** The participating departments' ids, in the order of the organization. */
  public List<String> departments(String code) {
    return root(code).map(this::participating).orElse(List.of());
  }

  Optional<HistoricProcessInstance> root(String code) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
  }

  private Campaign campaign(HistoricProcessInstance root) {
    Map<String, Object> v = variables(root.getId());
    Map<String, HistoricActivityInstance> phases = new HashMap<>();
    history.createHistoricActivityInstanceQuery().processInstanceId(root.getId()).activityType("subProcess")
        .orderByHistoricActivityInstanceStartTime().asc().list()
        .forEach(a -> phases.put(a.getActivityId(), a));
    List<Phase> phaseList = new ArrayList<>();
    String current = null;
    for (String[] p : PHASES) {
      HistoricActivityInstance a = phases.get(p[0]);
      phaseList.add(new Phase(p[1], text(v.get(p[2])), text(v.get(p[3])), a == null ? null : instant(a.getStartTime()),
          a == null ? null : instant(a.getEndTime())));
      if (a != null && a.getEndTime() == null) {
        current = p[1];
      }
    }
    String state = root.getEndTime() == null
        ? "进行中"
        : "EndEvent_CampaignClosed".equals(root.getEndActivityId()) ? "已结束" : "已撤销";
    return new Campaign(root.getBusinessKey(), text(v.getOrDefault("campaignName", root.getBusinessKey())),
        text(v.get("documentNumber")), state, instant(root.getStartTime()), instant(root.getEndTime()),
        current == null ? (root.getEndTime() == null ? "发起" : state) : current, phaseList,
        participating(root).size(), root.getId());
  }

  private List<String> participating(HistoricProcessInstance root) {
    Object value = variables(root.getId()).get(CampaignModel.PARTICIPATING_DEPARTMENTS);
    List<String> ids = new ArrayList<>();
    if (value instanceof JsonNode list) {
      list.forEach(d -> ids.add(d.path("id").asText()));
    }
    return ids;
  }

  private List<LedgerRow> ledger(String code, HistoricProcessInstance root) {
    Map<String, HistoricProcessInstance> instances = instances(code);
    Map<String, String> departments = departmentsOf(instances.keySet());
    Map<String, Integer> returns = new HashMap<>();
    if (!instances.isEmpty()) {
      for (HistoricDetail d : history.createHistoricDetailQuery().variableUpdates()
          .processInstanceIdIn(instances.keySet().toArray(String[]::new)).variableTypeIn("string")
          .disableCustomObjectDeserialization().list()) {
        if (d instanceof HistoricVariableUpdate u && REVIEW_DECISIONS.contains(u.getVariableName())
            && "returned".equals(u.getValue()) && departments.containsKey(d.getProcessInstanceId())) {
          returns.merge(departments.get(d.getProcessInstanceId()), 1, Integer::sum);
        }
      }
    }
    Date now = EngineInternals.currentTime();
    Map<String, List<HistoricTaskInstance>> officeOpen = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).taskHadCandidateGroup(Groups.OFFICE)
        .unfinished().orderByTaskDueDate().asc().list().forEach(t -> {
          String department = departments.get(t.getProcessInstanceId());
          if (department != null) {
            officeOpen.computeIfAbsent(department, d -> new ArrayList<>()).add(t);
          }
        });
    List<LedgerRow> rows = new ArrayList<>();
    for (String department : participating(root)) {
      Optional<DepartmentRecord> found = records.of(code, department);
      if (found.isEmpty()) {
        continue;
      }
      DepartmentRecord r = found.get();
      List<HistoricTaskInstance> open = openTasks(code, department);
      open.sort(
          Comparator.comparing(HistoricTaskInstance::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())));
      String[] light = light(open, now);
      List<HistoricTaskInstance> office = officeOpen.getOrDefault(department, List.of());
      List<String> steps = java.util.stream.Stream.concat(open.stream(), office.stream())
          .map(HistoricTaskInstance::getName)
          .distinct().toList();
      List<String> mustAct = java.util.stream.Stream.concat(open.stream().map(t -> actor(t, department)),
          office.stream().map(t -> t.getAssignee() == null ? "领导小组办公室" : "领导小组办公室 " + people.nameOf(t.getAssignee())))
          .distinct().toList();
      Integer daysLeft = open.stream().map(HistoricTaskInstance::getDueDate).filter(java.util.Objects::nonNull)
          .findFirst()
          .map(this::daysLeft).orElse(null);
      List<Urging> urged = urgings.ofUnit(code, department);
      rows.add(new LedgerRow(department, r.departmentName(), r.unitCategory(), phaseCells(r),
          returns.getOrDefault(department, 0),
          java.util.stream.Stream.concat(
              r.escalationSteps().stream()
                  .map(s -> s.stepLabel() + (s.noticeNumber() == null ? "" : "（" + s.noticeNumber() + "）")),
              r.supervisionMeasures().stream().map(m -> "督查问责：" + m.measureLabel()
                  + (m.cadreName() == null ? "" : "（" + m.cadreName() + "）") + "（" + m.noticeNumber() + "）"))
              .toList(),
          r.surveys().stream().map(s -> s.roundName() + " 第" + s.rank() + "/" + s.categorySize() + "名"
              + (s.consequence().isEmpty() ? "" : "，" + s.consequence())).toList(),
          (int) r.complaints().stream().filter(ComplaintRecord::isSubstantiated).count(),
          r.finalAssessment() == null ? "" : r.finalAssessment().grade(), light[0], light[1], light[2], open.size(),
          r.problems().stream().filter(p -> p.originalDeadline() != null)
              .map(p -> p.problemCode() + "：原定时限" + p.originalDeadline() + "，延期后时限" + p.deadline()
                  + "（" + p.extendedOn() + "批准）")
              .toList(),
          steps, mustAct, daysLeft, daysLeftLabel(daysLeft),
          (int) urged.stream().map(Urging::urgingId).distinct().count(),
          urged.isEmpty() ? null : urged.get(0).urgedAt()));
    }
    return rows;
  }

  /** Who must act on a unit's open task: its assignee by name and role, else the unit's liaison. */
  private String actor(HistoricTaskInstance task, String department) {
    String liaison = directory.liaisonOf(department);
    String head = directory.headOf(department);
    String user = task.getAssignee() == null ? liaison : task.getAssignee();
    String role = user.equals(head) ? "单位主要负责人" : user.equals(liaison) ? "联络员" : "班子成员";
    return role + " " + people.nameOf(user);
  }

  /** Working days from today to the due date: 0 on the day, negative when overdue. */
  private int daysLeft(Date due) {
    Date now = Date.from(EngineInternals.now());
    if (due.before(now)) {
      return -Math.max(1, deadlines.workingDaysOverdue(due, now));
    }
    return calendar.workingDaysBetween(LocalDate.ofInstant(now.toInstant(), CampaignDates.CHINA),
        LocalDate.ofInstant(due.toInstant(), CampaignDates.CHINA));
  }

  static String daysLeftLabel(Integer daysLeft) {
    if (daysLeft == null) {
      return "无办理期限";
    }
    return daysLeft > 0 ? "剩余" + daysLeft + "个工作日" : daysLeft == 0 ? "今日到期" : "已逾期" + (-daysLeft) + "个工作日";
  }

  private static List<PhaseCell> phaseCells(DepartmentRecord r) {
    List<PhaseCell> cells = new ArrayList<>();
    DEPARTMENT_PHASES.forEach((phase, keys) -> {
      Optional<DepartmentRecord.Phase> done = r.phases().stream()
          .filter(p -> keys.get(0).equals(p.processDefinitionKey()))
          .findFirst();
      int late = r.deadlines().stream().filter(d -> keys.contains(d.processDefinitionKey()))
          .mapToInt(DepartmentRecord.Deadline::workingDaysLate).max().orElse(0);
      Instant completedAt = done.map(DepartmentRecord.Phase::completedAt).orElse(null);
      String status = done.isEmpty()
          ? "未开始"
          : completedAt == null
              ? (late > 0 ? "进行中，已逾期" + late + "个工作日" : "进行中")
              : late > 0 ? "逾期" + late + "个工作日完成" : "按时完成";
      cells.add(new PhaseCell(phase, completedAt, late, status));
    });
    return cells;
  }

  /** The department's open tasks in the campaign: its candidate-group tasks and its unit head's. */
  private List<HistoricTaskInstance> openTasks(String code, String department) {
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).taskHadCandidateGroup(department)
        .unfinished().list().forEach(t -> tasks.put(t.getId(), t));
    directory.departments().stream().filter(d -> d.id().equals(department)).findFirst().ifPresent(
        d -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code).taskAssignee(d.head().id())
            .unfinished().list().forEach(t -> tasks.put(t.getId(), t)));
    return new ArrayList<>(tasks.values());
  }

  /** red: a task overdue; yellow: a task past its follow-up date (the warning window); else green. */
  static String[] light(Collection<HistoricTaskInstance> open, Date now) {
    Optional<HistoricTaskInstance> overdue = open.stream()
        .filter(t -> t.getDueDate() != null && t.getDueDate().before(now))
        .min(Comparator.comparing(HistoricTaskInstance::getDueDate));
    if (overdue.isPresent()) {
      return new String[]{"red", "已逾期", "「" + overdue.get().getName() + "」已过办理期限"};
    }
    Optional<HistoricTaskInstance> warned = open.stream()
        .filter(t -> t.getFollowUpDate() != null && !t.getFollowUpDate().after(now))
        .min(Comparator.comparing(t -> t.getDueDate() == null ? t.getFollowUpDate() : t.getDueDate()));
    if (warned.isPresent()) {
      return new String[]{"yellow", "临近期限", "「" + warned.get().getName() + "」临近办理期限"};
    }
    return new String[]{"green", "正常", open.isEmpty() ? "无待办事项" : "待办事项均在期限内"};
  }

  private List<TimelineEntry> timeline(String code, HistoricProcessInstance root) {
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(instant(root.getStartTime()), "发起", "发起整改活动", null, root.getStartUserId()));
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(root.getId())
        .activityType("subProcess").list()) {
      entries.add(new TimelineEntry(instant(a.getStartTime()), "阶段", a.getActivityName() + "阶段开始", null, null));
      if (a.getEndTime() != null) {
        entries.add(new TimelineEntry(instant(a.getEndTime()), "阶段", a.getActivityName() + "阶段结束", null, null));
      }
    }
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(root.getId())
        .finished().list()) {
      if ("completed".equals(t.getDeleteReason())) {
        entries.add(new TimelineEntry(instant(t.getEndTime()), "办理", t.getName(), null, t.getAssignee()));
      }
    }
    Map<String, String> names = new HashMap<>();
    directory.departments().forEach(d -> names.put(d.id(), d.name()));
    for (IssuedNotice n : notices.ofCampaign(code, null)) {
      entries.add(new TimelineEntry(startOfDay(n.issuedOn()), "文书",
          n.kind().label() + " " + n.number() + "《" + n.title() + "》", n.department(), null));
    }
    escalations.steps(code, null).forEach(s -> entries.add(new TimelineEntry(s.takenAt(), "督办",
        names.getOrDefault(s.department(), s.department()) + "：" + s.stepLabel()
            + (s.noticeNumber() == null ? "" : "（" + s.noticeNumber() + "）"),
        s.department(), s.takenBy())));
    surveys.rounds(code).forEach(round -> entries.add(new TimelineEntry(startOfDay(LocalDate.parse(round.surveyDate())),
        "测评", "满意度测评「" + round.name() + "」", null, null)));
    complaints.ofCampaign(code).forEach(c -> {
      entries.add(new TimelineEntry(c.registeredAt(), "投诉", "登记投诉 " + c.number() + "（" + c.departmentName() + "）",
          c.department(), c.registeredBy()));
      if (c.verifiedAt() != null) {
        entries.add(new TimelineEntry(c.verifiedAt(), "投诉", "核实投诉 " + c.number() + "："
            + (Boolean.TRUE.equals(c.substantiated()) ? "属实" : "不属实"), c.department(), c.verifiedBy()));
      }
    });
    entries.removeIf(e -> e.at() == null);
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries.stream()
        .map(e -> new TimelineEntry(e.at(), e.kind(), e.text(), e.department(), people.nameOf(e.by())))
        .toList();
  }

  /** Every process instance of the campaign (business key = campaign code), by id. */
  Map<String, HistoricProcessInstance> instances(String code) {
    Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).orderByProcessInstanceStartTime()
        .asc()
        .list().forEach(i -> instances.put(i.getId(), i));
    return instances;
  }

  /** The department of each process instance that has one (its variable {@code department}). */
  Map<String, String> departmentsOf(Collection<String> processInstanceIds) {
    Map<String, String> departments = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return departments;
    }
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableName(CampaignModel.DEPARTMENT).list()) {
      boolean instanceScope = v.getActivityInstanceId() == null
          || v.getActivityInstanceId().equals(v.getProcessInstanceId());
      if (instanceScope && !CampaignModel.CAMPAIGN_PROCESS.equals(v.getProcessDefinitionKey())
          && v.getValue() instanceof String department) {
        departments.putIfAbsent(v.getProcessInstanceId(), department);
      }
    }
    return departments;
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization().list()) {
      if (v.getActivityInstanceId() != null && !v.getActivityInstanceId().equals(processInstanceId)) {
        continue;
      }
      values.put(v.getName(),
          "json".equalsIgnoreCase(v.getTypeName()) ? JsonVariables.toJson(v.getTypedValue()) : v.getValue());
    }
    return values;
  }

  private static Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(CampaignDates.CHINA).toInstant();
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
