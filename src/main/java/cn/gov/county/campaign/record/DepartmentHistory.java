package cn.gov.county.campaign.record;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * One department in one campaign, as the engine's history holds it: the campaign's own instance,
 * the department's own instances and the tasks it had anywhere in the campaign. The department's
 * record ({@link DepartmentRecords}) and the review's dossier ({@code review.DepartmentDossiers})
 * both start from here, so they always speak of the same instances and tasks. Callers check who
 * may read; the reading runs without the caller's engine authorizations.
 */
@Service
public class DepartmentHistory {

  private final HistoryService history;
  private final OrganizationDirectory directory;

  DepartmentHistory(HistoryService history, OrganizationDirectory directory) {
    this.history = history;
    this.directory = directory;
  }

  /** The campaign's own instance (the latest with that code), or empty. */
  public Optional<HistoricProcessInstance> campaign(String campaignCode) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst();
  }

  /** The department in the organization, or empty for an id it does not know. */
  public Optional<Organization.Department> unit(String department) {
    return directory.departments().stream().filter(d -> d.id().equals(department)).findFirst();
  }

  /** The campaign's instances whose process-level {@code department} variable is the department. */
  public List<HistoricProcessInstance> ownInstances(String campaignCode, String department) {
    List<HistoricProcessInstance> candidates = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(campaignCode).variableValueEquals(CampaignModel.DEPARTMENT, department).list();
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> processLevel = new HashSet<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(candidates.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableName(CampaignModel.DEPARTMENT).list()) {
      if (department.equals(variable.getValue())
          && Objects.equals(variable.getActivityInstanceId(), variable.getProcessInstanceId())) {
        processLevel.add(variable.getProcessInstanceId());
      }
    }
    return candidates.stream().filter(i -> processLevel.contains(i.getId())).toList();
  }

  /**
   * The department's tasks anywhere in the campaign, oldest first: those offered to its group and
   * those assigned to its head (the unit head's own tasks).
   *
   * @param unit empty for a department the organization does not know: its group's tasks only
   */
  public List<HistoricTaskInstance> tasks(String campaignCode, String department,
      Optional<Organization.Department> unit) {
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(campaignCode).taskHadCandidateGroup(department)
        .list().forEach(t -> tasks.put(t.getId(), t));
    unit.ifPresent(d -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(campaignCode)
        .taskAssignee(d.head().id()).list().forEach(t -> tasks.putIfAbsent(t.getId(), t)));
    return tasks.values().stream().sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)).toList();
  }
}
