package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * The complaints of a campaign as their record shows them, all read from history: registration
 * (ComplaintProcess), verification (its task), the problem a substantiated complaint became and
 * whether that problem was rectified and closed (its RectificationItemProcess).
 *
 * <p>Seed 004: a verified complaint enters the unit's record, and the leaders of the units with
 * the most verified complaints are held accountable: {@link #mostSubstantiated}.
 *
 * <p>These methods read every department's complaints whoever asks: callers decide who may see
 * what (see ComplaintController).
 */
@Service
public class Complaints {

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final OrganizationDirectory directory;

  Complaints(HistoryService historyService, IdentityService identityService, OrganizationDirectory directory) {
    this.historyService = historyService;
    this.identityService = identityService;
    this.directory = directory;
  }

  /** Whether a campaign with this code was ever launched (running or finished). */
  public boolean campaignExists(String campaignCode) {
    return readingEverything(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .count() > 0);
  }

  /** The campaign's complaints in the order of their numbers. */
  public List<ComplaintRecord> ofCampaign(String campaignCode) {
    return readingEverything(() -> records(campaignCode, null));
  }

  /** The complaints against one department in the campaign, in the order of their numbers. */
  public List<ComplaintRecord> ofDepartment(String campaignCode, String department) {
    return readingEverything(() -> records(campaignCode, department));
  }

  /**
   * The departments with substantiated complaints in the campaign, most first. Departments with
   * the same number share a place (1, 1, 3) and are listed in the order of the organization file;
   * departments without substantiated complaints are not listed.
   */
  public List<DepartmentCount> mostSubstantiated(String campaignCode) {
    return ranking(ofCampaign(campaignCode));
  }

  List<DepartmentCount> ranking(List<ComplaintRecord> records) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (ComplaintRecord record : records) {
      long[] count = counts.computeIfAbsent(record.department(), d -> new long[3]);
      count[0]++;
      if (record.isSubstantiated()) {
        count[1]++;
      }
      if (record.rectified()) {
        count[2]++;
      }
    }
    List<Organization.Department> departments = directory.departments();
    Map<String, Integer> fileOrder = new HashMap<>();
    for (int i = 0; i < departments.size(); i++) {
      fileOrder.put(departments.get(i).id(), i);
    }
    List<String> ranked = counts.entrySet().stream()
        .filter(e -> e.getValue()[1] > 0)
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[1])
            .thenComparing(e -> fileOrder.getOrDefault(e.getKey(), Integer.MAX_VALUE))
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
    List<DepartmentCount> result = new ArrayList<>();
    int place = 0;
    long previous = -1;
    for (int i = 0; i < ranked.size(); i++) {
      String department = ranked.get(i);
      long[] count = counts.get(department);
      if (count[1] != previous) {
        place = i + 1;
        previous = count[1];
      }
      var known = departments.stream().filter(d -> d.id().equals(department)).findFirst();
      result.add(new DepartmentCount(place, department, known.map(Organization.Department::name).orElse(department),
          known.map(d -> d.category().label()).orElse(""), count[0], count[1], count[2]));
    }
    return List.copyOf(result);
  }

  private List<ComplaintRecord> records(String campaignCode, String department) {
    HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ComplaintModel.PROCESS)
        .processInstanceBusinessKey(campaignCode);
    if (department != null) {
      query = query.variableValueEquals(ComplaintModel.DEPARTMENT, department);
    }
    List<HistoricProcessInstance> instances = query.list();
    if (instances.isEmpty()) {
      return List.of();
    }
    String[] ids = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).disableBinaryFetching().list()) {
      variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    Map<String, HistoricTaskInstance> verifications = new HashMap<>();
    for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
        .processDefinitionKey(ComplaintModel.PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .taskDefinitionKey(ComplaintModel.VERIFY_TASK)
        .finished().list()) {
      verifications.put(task.getProcessInstanceId(), task);
    }
    List<ComplaintRecord> records = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      records.add(record(instance, variables.getOrDefault(instance.getId(), Map.of()),
          verifications.get(instance.getId())));
    }
    records.sort(Comparator.comparingInt((ComplaintRecord r) -> serial(variables.get(r.processInstanceId())))
        .thenComparing(r -> r.registeredAt() == null ? Instant.MIN : r.registeredAt()));
    return List.copyOf(records);
  }

  private ComplaintRecord record(HistoricProcessInstance instance, Map<String, Object> variables,
      HistoricTaskInstance verification) {
    boolean verified = verification != null && "completed".equals(verification.getDeleteReason());
    String answer = verified ? text(variables, ComplaintModel.SUBSTANTIATED) : null;
    Boolean substantiated = answer == null ? null : ComplaintModel.SUBSTANTIATED_YES.equals(answer);
    String problemCode = text(variables, ComplaintModel.PROBLEM_CODE);
    HistoricProcessInstance problem = problemCode == null
        ? null
        : historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
            .processInstanceBusinessKey(instance.getBusinessKey())
            .variableValueEquals("problemCode", problemCode)
            .singleResult();
    boolean rectified = problem != null && ComplaintModel.PROBLEM_CLOSED_END.equals(problem.getEndActivityId());
    return new ComplaintRecord(
        text(variables, ComplaintModel.NUMBER),
        instance.getBusinessKey(),
        text(variables, ComplaintModel.DEPARTMENT),
        text(variables, ComplaintModel.DEPARTMENT_NAME),
        text(variables, ComplaintModel.SOURCE),
        text(variables, ComplaintModel.SOURCE_LABEL),
        text(variables, ComplaintModel.CONTENT),
        date(text(variables, ComplaintModel.RECEIVED_ON)),
        instance.getStartUserId(),
        instant(instance.getStartTime()),
        verified ? verifier(verification) : null,
        verified ? instant(verification.getEndTime()) : null,
        substantiated,
        verified ? text(variables, ComplaintModel.REASON) : null,
        problemCode,
        rectified,
        rectified ? instant(problem.getEndTime()) : null,
        status(instance, substantiated, problemCode, rectified),
        instance.getId());
  }

  private static String status(HistoricProcessInstance instance, Boolean substantiated, String problemCode,
      boolean rectified) {
    if (substantiated == null) {
      return instance.getEndTime() == null ? "待核实" : "已撤销";
    }
    if (!substantiated) {
      return "不属实，已了结";
    }
    if (problemCode != null) {
      return rectified ? "属实，已整改销号" : "属实，整改中";
    }
    if (ComplaintModel.CAMPAIGN_NOT_RUNNING_END.equals(instance.getEndActivityId())) {
      return "属实，活动已结束，未转为整改问题";
    }
    return instance.getEndTime() == null ? "属实，正在转为整改问题" : "属实";
  }

  /** Who completed the verification: the user operation log, else the task's assignee. */
  private String verifier(HistoricTaskInstance task) {
    return historyService.createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list().stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(task.getAssignee());
  }

  /**
   * Runs the history queries without the authorizations of the user the request or command runs
   * as: an inspector or a department has no READ_HISTORY on process definitions, and the campaign
   * API has already decided what they may see.
   */
  private <T> T readingEverything(Supplier<T> call) {
    var authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return EngineInternals.withoutAuthorizationInCommand(call);
    } finally {
      if (authentication != null) {
        identityService.setAuthentication(authentication);
      }
    }
  }

  private static int serial(Map<String, Object> variables) {
    Object serial = variables == null ? null : variables.get(ComplaintModel.SERIAL);
    return serial instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
