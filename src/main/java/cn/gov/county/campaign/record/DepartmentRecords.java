package cn.gov.county.campaign.record;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.complaint.Complaints;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.supervision.SupervisionMeasures;
import cn.gov.county.campaign.evaluation.DemocraticEvaluations;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.survey.SurveyRounds;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Builds a department's campaign record (docs/campaign-reference.md "The department's record") from history: the
 * department's processes and tasks (as {@link DepartmentHistory} finds them, like the review's dossier), the escalation ledger, the survey rounds, complaints and
 * democratic evaluations. Callers check who may read it; the reading itself runs without the
 * caller's engine authorizations.
 */
@Service
public class DepartmentRecords {

  static final Map<String, String> PHASES = new LinkedHashMap<>();
  static final Map<String, String> GRADES = Map.of("excellent", "好", "good", "较好", "fair", "一般", "poor", "差");

  static {
    PHASES.put(CampaignModel.SELF_INSPECTION_PROCESS, "宣传发动和自查自纠");
    PHASES.put(CampaignModel.RECTIFICATION_PLAN_PROCESS, "梳理问题与限期整改");
    PHASES.put(CampaignModel.CONSOLIDATION_PROCESS, "总结深化与巩固提高");
  }

  private final HistoryService history;
  private final RepositoryService repository;
  private final Deadlines deadlines;
  private final EscalationLedger ledger;
  private final SurveyRounds surveys;
  private final Complaints complaints;
  private final DemocraticEvaluations evaluations;
  private final SupervisionMeasures supervision;
  private final DepartmentHistory departmentHistory;

  DepartmentRecords(HistoryService history, RepositoryService repository,
      Deadlines deadlines, EscalationLedger ledger, SurveyRounds surveys, Complaints complaints,
      DemocraticEvaluations evaluations, SupervisionMeasures supervision, DepartmentHistory departmentHistory) {
    this.departmentHistory = departmentHistory;
    this.history = history;
    this.repository = repository;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.surveys = surveys;
    this.complaints = complaints;
    this.evaluations = evaluations;
    this.supervision = supervision;
  }

  /** Empty when there is no such campaign or department. */
  public Optional<DepartmentRecord> of(String campaignCode, String department) {
    HistoricProcessInstance campaign = departmentHistory.campaign(campaignCode).orElse(null);
    Optional<Organization.Department> unit = departmentHistory.unit(department);
    if (campaign == null || unit.isEmpty()) {
      return Optional.empty();
    }
    Organization.Department d = unit.get();
    Map<String, HistoricProcessInstance> byKey = new HashMap<>();
    List<HistoricProcessInstance> items = new ArrayList<>();
    for (HistoricProcessInstance instance : departmentHistory.ownInstances(campaignCode, department)) {
      if (instance.getProcessDefinitionKey().equals(CampaignModel.RECTIFICATION_ITEM_PROCESS)) {
        items.add(instance);
      } else {
        byKey.merge(instance.getProcessDefinitionKey(), instance,
            (a, b) -> a.getStartTime().after(b.getStartTime()) ? a : b);
      }
    }
    List<DepartmentRecord.Phase> phases = new ArrayList<>();
    PHASES.forEach((key, phase) -> Optional.ofNullable(byKey.get(key)).ifPresent(instance -> phases.add(
        new DepartmentRecord.Phase(phase, key, instant(instance.getStartTime()), instant(instance.getEndTime())))));
    Map<String, Object> selfInspection = variables(byKey.get(CampaignModel.SELF_INSPECTION_PROCESS));
    Map<String, Object> consolidation = variables(byKey.get(CampaignModel.CONSOLIDATION_PROCESS));
    List<HistoricTaskInstance> tasks = departmentHistory.tasks(campaignCode, department, unit);
    Map<String, Map<String, Object>> itemVariables = new HashMap<>();
    items.forEach(item -> itemVariables.put(item.getId(), variables(item)));
    return Optional.of(new DepartmentRecord(campaignCode,
        String.valueOf(variables(campaign).getOrDefault("campaignName", campaignCode)),
        campaign.getEndTime() == null, d.id(), d.name(), d.category().label(), phases, deadlines(tasks, itemVariables),
        ledger.steps(campaignCode, department), supervision.of(campaignCode, department),
        surveyResults(campaignCode, department),
        complaints.ofDepartment(campaignCode, department), problems(items, itemVariables),
        new DepartmentRecord.Commitments((String) selfInspection.get("unitCommitment"),
            finished(tasks, "UserTask_SignUnitCommitment").stream().findFirst().orElse(null),
            selfInspection.get("staffCommitments") instanceof JsonNode staff ? staff.size() : 0,
            finished(tasks, "UserTask_MakePublicCommitment"), (String) consolidation.get("commitmentReview")),
        assessment(byKey.get(CampaignModel.CONSOLIDATION_PROCESS), consolidation),
        evaluations.ofCampaign(campaignCode).stream().filter(e -> department.equals(e.department())).toList()));
  }

  /** @param itemVariables the variables of the department's problems (items) by instance id */
  private List<DepartmentRecord.Deadline> deadlines(List<HistoricTaskInstance> tasks,
      Map<String, Map<String, Object>> itemVariables) {
    Map<String, String> processNames = new HashMap<>();
    Date now = EngineInternals.currentTime();
    List<DepartmentRecord.Deadline> result = new ArrayList<>();
    for (HistoricTaskInstance t : tasks) {
      String process = processNames.computeIfAbsent(t.getProcessDefinitionId(),
          id -> repository.getProcessDefinition(id).getName());
      boolean cancelled = t.getEndTime() != null && !"completed".equals(t.getDeleteReason());
      int late = t.getDueDate() == null || cancelled
          ? 0
          : deadlines.workingDaysOverdue(t.getDueDate(), t.getEndTime() != null ? t.getEndTime() : now);
      String status = cancelled
          ? (t.getDueDate() != null && !t.getEndTime().before(t.getDueDate()) ? "到期未办理，已关闭" : "已撤销")
          : t.getEndTime() != null
              ? (late > 0 ? "逾期" + late + "个工作日办结" : "按时办结")
              : late > 0 ? "已逾期" + late + "个工作日，未办结" : "办理中";
      // a problem's task due on its deadline, moved by an approved extension: its first due date stays (原定时限)
      Date originalDue = null;
      Object original = itemVariables.getOrDefault(t.getProcessInstanceId(), Map.of())
          .get(ProblemRegister.ORIGINAL_DEADLINE);
      if (original != null && t.getDueDate() != null
          && ProblemRegister.DUE_ON_THE_DEADLINE.contains(t.getTaskDefinitionKey())
          && !deadlines.endOf(String.valueOf(original)).equals(t.getDueDate())) {
        originalDue = deadlines.endOf(String.valueOf(original));
      }
      int originalLate = originalDue == null || cancelled
          ? late
          : deadlines.workingDaysOverdue(originalDue, t.getEndTime() != null ? t.getEndTime() : now);
      if (originalDue != null && originalLate > 0 && !cancelled) {
        status += "（原定时限" + (t.getEndTime() != null ? "逾期" + originalLate + "个工作日" : "已过" + originalLate + "个工作日")
            + "）";
      }
      result.add(new DepartmentRecord.Deadline(t.getName(), process, t.getProcessDefinitionKey(),
          instant(t.getDueDate()), instant(t.getEndTime()),
          t.getEndTime() != null ? t.getAssignee() : null, late, status, instant(originalDue), originalLate));
    }
    return result;
  }

  private List<DepartmentRecord.SurveyResult> surveyResults(String campaignCode, String department) {
    List<DepartmentRecord.SurveyResult> results = new ArrayList<>();
    for (SurveyRounds.Round round : surveys.rounds(campaignCode)) {
      round.rowOf(department).ifPresent(row -> {
        String decision = round.consequenceOf(department).map(c -> switch (c.path("decision").asText("")) {
          case "confirm" -> "确认启动";
          case "reject" -> "不予启动：" + c.path("reason").asText();
          default -> "待办公室审定";
        }).orElse("");
        results.add(new DepartmentRecord.SurveyResult(round.round(), round.name(), round.surveyDate(),
            row.path("score").asText(), row.path("rank").asInt(), row.path("categorySize").asInt(),
            row.path("rankFromBottom").asInt(), row.path("positionLabel").asText(),
            "NONE".equals(row.path("consequence").asText()) ? "" : row.path("consequenceLabel").asText(), decision));
      });
    }
    return results;
  }

  private List<DepartmentRecord.Problem> problems(List<HistoricProcessInstance> items,
      Map<String, Map<String, Object>> itemVariables) {
    return items.stream().map(item -> {
      Map<String, Object> v = itemVariables.get(item.getId());
      boolean closed = "EndEvent_ProblemClosed".equals(item.getEndActivityId());
      return new DepartmentRecord.Problem((String) v.get("problemCode"), (String) v.get("sourceLabel"),
          (String) v.get("description"), instant(item.getStartTime()), closed,
          closed ? instant(item.getEndTime()) : null,
          (String) v.get(ProblemRegister.RECTIFICATION_DEADLINE), (String) v.get(ProblemRegister.ORIGINAL_DEADLINE),
          (String) v.get(ProblemRegister.DEADLINE_EXTENDED_ON));
    }).sorted(Comparator.comparing(p -> String.valueOf(p.problemCode()))).toList();
  }

  private DepartmentRecord.Assessment assessment(HistoricProcessInstance consolidation, Map<String, Object> v) {
    if (consolidation == null || v.get("assessmentGrade") == null) {
      return null;
    }
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(consolidation.getId())
        .taskDefinitionKey("UserTask_AssessDepartment").finished().orderByHistoricTaskInstanceEndTime().desc()
        .listPage(0, 1).stream().findFirst().orElse(null);
    return new DepartmentRecord.Assessment(GRADES.getOrDefault(String.valueOf(v.get("assessmentGrade")),
        String.valueOf(v.get("assessmentGrade"))), (String) v.get("assessmentRemarks"),
        task == null ? null : task.getAssignee(), task == null ? null : instant(task.getEndTime()));
  }

  private static List<Instant> finished(List<HistoricTaskInstance> tasks, String key) {
    return tasks.stream().filter(t -> key.equals(t.getTaskDefinitionKey()) && "completed".equals(t.getDeleteReason()))
        .map(t -> instant(t.getEndTime())).toList();
  }

  /** The instance's own variables (not those of its inner scopes); Json ones as trees. */
  private Map<String, Object> variables(HistoricProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    if (instance == null) {
      return values;
    }
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .disableCustomObjectDeserialization().list()) {
      if (v.getActivityInstanceId() != null && !v.getActivityInstanceId().equals(instance.getId())) {
        continue;
      }
      values.put(v.getName(), "Json".equalsIgnoreCase(v.getTypeName()) || "json".equals(v.getTypeName())
          ? JsonVariables.toJson(v.getTypedValue())
          : v.getValue());
    }
    return values;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
