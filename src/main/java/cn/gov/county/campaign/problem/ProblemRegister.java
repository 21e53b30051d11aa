package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final OrganizationDirectory directory;

  ProblemRegister(RuntimeService runtimeService, HistoryService historyService, RepositoryService repositoryService,
      OrganizationDirectory directory) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.directory = directory;
  }

  /** Registers the problems in order; returns their codes. */
  public List<String> register(String campaignCode, List<NewProblem> problems) {
    return register(campaignCode, problems, campaignVariable(campaignCode, CampaignModel.PLANS_APPROVED)
        .map(Boolean.TRUE::equals).orElse(false));
  }

  /**
   * Registers problems whose measures are due now, without waiting for the special meeting's
   * approval of the rectification plans (a survey consequence: measures within 10 working days).
   */
  public List<String> registerForImmediateMeasures(String campaignCode, List<NewProblem> problems) {
    return register(campaignCode, problems, true);
  }

  private List<String> register(String campaignCode, List<NewProblem> problems, boolean plansApproved) {
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
      variables.put(CampaignModel.PLANS_APPROVED, plansApproved);
      runtimeService.startProcessInstanceById(itemDefinition, campaignCode, variables);
      codes.add(code);
    }
    return codes;
  }

  /** The department's items still waiting for the special meeting's approval, in code order. */
  public List<ProcessInstance> waitingForPlan(String campaignCode, String department) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(campaignCode)
        .variableValueEquals(CampaignModel.DEPARTMENT, department)
        .activityIdIn(CampaignModel.WAITING_FOR_PLAN_APPROVAL)
        .list().stream()
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
