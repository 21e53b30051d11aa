package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A department's problem list. Every problem, whatever found it and in whichever phase (边查边改),
 * becomes its own tracked item: a RectificationItemProcess instance with the campaign's code as
 * business key. Its code ("ZG-2026-K7Q2-finance-03") numbers the department's problems in order.
 * The item runs the version of RectificationItemProcess deployed with the campaign's own model,
 * like the department processes the campaign calls: a model deployed while a campaign runs applies
 * to campaigns launched after it.
 */
@Service
public class ProblemRegister {

  /** A problem to put on a department's list. */
  public record NewProblem(String department, ProblemSource source, String description, String cause,
      String checklistItem) {
  }

  static final String DEFINE_MEASURE = "UserTask_DefineMeasure";
  /** The problem's deadline (yyyy-MM-dd), set with its measure, moved by the special meeting or an extension. */
  public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
  /** The deadline before the first extension (原定时限); absent while none was approved. */
  public static final String ORIGINAL_DEADLINE = "originalDeadline";
  /** When the office approved the last extension (yyyy-MM-dd). */
  public static final String DEADLINE_EXTENDED_ON = "deadlineExtendedOn";
  /** The item's tasks due on its rectification deadline. */
  public static final List<String> DUE_ON_THE_DEADLINE = List.of("UserTask_ReportProgress",
      "UserTask_SubmitCompletionReport",
      "UserTask_HeadApprovesCompletionReport");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final OrganizationDirectory directory;
  private final Deadlines deadlines;

  ProblemRegister(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      RepositoryService repositoryService, OrganizationDirectory directory, Deadlines deadlines) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.directory = directory;
    this.deadlines = deadlines;
  }

  /**
   * Registers the problems in order; returns their codes. Each is rectified as it is found (边查边改,
   * 立说立行): its department's task 制定整改措施 is there at once, due within the time limit
   * {@code rectification-measures}, whatever phase the campaign is in.
   */
  public List<String> register(String campaignCode, List<NewProblem> problems) {
    String itemDefinition = itemDefinitionOf(campaignCode);
    Map<String, Long> numbers = new HashMap<>();
    List<String> codes = new ArrayList<>();
    for (NewProblem problem : problems) {
      long number = numbers.computeIfAbsent(problem.department(), d -> countItems(campaignCode, d)) + 1;
      numbers.put(problem.department(), number);
      String code = String.format("%s-%s-%02d", campaignCode,
          problem.department().replaceFirst("^dept-", ""), number);
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(CampaignModel.CAMPAIGN_CODE, campaignCode);
      variables.put(CampaignModel.DEPARTMENT, problem.department());
      variables.put("departmentName", directory.nameOf(problem.department()));
      variables.put("problemCode", code);
      variables.put("source", problem.source().name());
      variables.put("sourceLabel", problem.source().label());
      variables.put("checklistItem", problem.checklistItem() == null ? "" : problem.checklistItem());
      variables.put("description", problem.description());
      variables.put("cause", problem.cause() == null ? "" : problem.cause());
      // only items of campaigns launched on a model from before 边查边改 read it (they waited for the plans)
      variables.put(CampaignModel.PLANS_APPROVED, true);
      runtimeService.startProcessInstanceById(itemDefinition, campaignCode, variables);
      codes.add(code);
    }
    return codes;
  }

  /** The department's open problems (items not yet closed), in code order. */
  public List<ProcessInstance> openItems(String campaignCode, String department) {
    return sorted(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .variableValueEquals(CampaignModel.DEPARTMENT, department)
        .list());
  }

  /** The open problem with this code, in whichever running campaign (codes name their campaign). */
  public Optional<ProcessInstance> openItem(String problemCode) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .variableValueEquals("problemCode", problemCode)
        .singleResult());
  }

  /** Every open problem of the campaign, in code order. */
  public List<ProcessInstance> openItems(String campaignCode) {
    return sorted(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .list());
  }

  /**
   * Gives an open problem its measure, once: the department's open task 制定整改措施 is completed
   * with it (a plan that states the measure first), or, where the measure exists, it is replaced.
   * The deadline then applies as {@link #setDeadline}.
   */
  public void setMeasure(String campaignCode, String problemCode, String measure, String target, String responsible,
      String deadline) {
    String targetText = target == null ? "" : target;
    item(campaignCode, problemCode).ifPresent(item -> {
      Task defineMeasure = taskService.createTaskQuery().processInstanceId(item.getId())
          .taskDefinitionKey(DEFINE_MEASURE).singleResult();
      if (defineMeasure != null) {
        taskService.complete(defineMeasure.getId(), Map.of("measure", measure, "target", targetText,
            "responsible", responsible, "rectificationDeadline", deadline));
      } else {
        runtimeService.setVariables(item.getId(),
            Map.of("measure", measure, "target", targetText, "responsible", responsible));
        setDeadline(campaignCode, problemCode, deadline);
      }
    });
  }

  /**
   * A new deadline for an open problem: its open progress and completion tasks (the department's,
   * due on the deadline) are due then, with their warning window (follow-up date) before the new
   * date; their deadline timers move with them. The measure task and the office's verification
   * keep theirs.
   */
  public void setDeadline(String campaignCode, String problemCode, String deadline) {
    item(campaignCode, problemCode).ifPresent(item -> {
      runtimeService.setVariable(item.getId(), RECTIFICATION_DEADLINE, deadline);
      Date due = deadlines.endOf(deadline);
      taskService.createTaskQuery().processInstanceId(item.getId())
          .taskDefinitionKeyIn(DUE_ON_THE_DEADLINE.toArray(String[]::new)).list()
          .forEach(task -> {
            taskService.setDueDate(task.getId(), due);
            taskService.setFollowUpDate(task.getId(), deadlines.followUpFor(due));
          });
    });
  }

  /**
   * An extension the office approved (延期申请): the problem's deadline becomes {@code deadline}
   * as {@link #setDeadline}; its first deadline stays as {@value #ORIGINAL_DEADLINE}, set once,
   * before the first extension (原定时限, which the record and the year-end assessment keep), and
   * {@value #DEADLINE_EXTENDED_ON} says when the last extension was approved.
   *
   * @return false when the problem is no longer open
   */
  public boolean extendDeadline(String campaignCode, String problemCode, String deadline, String approvedOn) {
    Optional<ProcessInstance> item = item(campaignCode, problemCode);
    if (item.isEmpty()) {
      return false;
    }
    if (runtimeService.getVariable(item.get().getId(), ORIGINAL_DEADLINE) == null) {
      runtimeService.setVariable(item.get().getId(), ORIGINAL_DEADLINE,
          runtimeService.getVariable(item.get().getId(), RECTIFICATION_DEADLINE));
    }
    runtimeService.setVariable(item.get().getId(), DEADLINE_EXTENDED_ON, approvedOn);
    setDeadline(campaignCode, problemCode, deadline);
    return true;
  }

  private List<ProcessInstance> sorted(List<ProcessInstance> items) {
    return items.stream()
        .sorted((a, b) -> String.valueOf(runtimeService.getVariable(a.getId(), "problemCode"))
            .compareTo(String.valueOf(runtimeService.getVariable(b.getId(), "problemCode"))))
        .toList();
  }

  /** The running item with this code in the campaign. */
  public Optional<ProcessInstance> item(String campaignCode, String problemCode) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .variableValueEquals("problemCode", problemCode)
        .singleResult());
  }

  /** The running campaign with this code. */
  public Optional<ProcessInstance> campaign(String campaignCode) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .singleResult());
  }

  /** The group ids of the departments taking part in the running campaign, in the file's order; empty when none runs. */
  public java.util.Set<String> participatingDepartments(String campaignCode) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    campaign(campaignCode).ifPresent(instance -> JsonVariables.toJson(runtimeService.getVariableTyped(instance.getId(),
        CampaignModel.PARTICIPATING_DEPARTMENTS, false)).forEach(node -> ids.add(node.path("id").asText())));
    return ids;
  }

  public Optional<Object> campaignVariable(String campaignCode, String name) {
    return campaign(campaignCode).map(instance -> runtimeService.getVariable(instance.getId(), name));
  }

  /** RectificationItemProcess of the running campaign's deployment, else the latest version. */
  private String itemDefinitionOf(String campaignCode) {
    return EngineInternals.withoutAuthorizationInCommand(() -> campaign(campaignCode)
        .map(campaign -> repositoryService.getProcessDefinition(campaign.getProcessDefinitionId()).getDeploymentId())
        .map(deployment -> repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
            .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS).singleResult())
        .or(() -> Optional.of(repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS).latestVersion().singleResult()))
        .map(ProcessDefinition::getId)
        .orElseThrow());
  }

  private long countItems(String campaignCode, String department) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .variableValueEquals(CampaignModel.DEPARTMENT, department)
        .count();
  }
}
