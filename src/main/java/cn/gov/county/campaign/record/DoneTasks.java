package cn.gov.county.campaign.record;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * 已办: the tasks a unit has completed (its group's tasks and those assigned to its leading team),
 * latest first, each with its campaign and the link to the unit's record in that campaign. Read from
 * history without the caller's authorizations; the controller decides whose unit it is.
 */
@Service
class DoneTasks {

  /** How many of the latest completed tasks the list shows. */
  static final int LIMIT = 300;

  /** One completed task as the unit reads it. */
  record DoneTask(String taskId, String taskName, String campaignCode, String campaignName, Instant completedAt,
      String completedBy, String completedByName, String recordUrl) {
  }

  private final HistoryService history;
  private final Organization organization;

  DoneTasks(HistoryService history, Organization organization) {
    this.history = history;
    this.organization = organization;
  }

  List<DoneTask> of(String department) {
    Organization.Department unit = organization.department(department).orElseThrow();
    Map<String, HistoricTaskInstance> done = new LinkedHashMap<>();
    history.createHistoricTaskInstanceQuery().taskHadCandidateGroup(department).finished().taskDeleteReason("completed")
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, LIMIT).forEach(t -> done.put(t.getId(), t));
    for (Organization.Person leader : unit.leadingTeam()) {
      history.createHistoricTaskInstanceQuery().taskAssignee(leader.id()).finished().taskDeleteReason("completed")
          .orderByHistoricTaskInstanceEndTime().desc().listPage(0, LIMIT).forEach(t -> done.putIfAbsent(t.getId(), t));
    }
    Map<String, String> codes = new HashMap<>();
    List<String> instanceIds = done.values().stream().map(HistoricTaskInstance::getProcessInstanceId).distinct()
        .toList();
    if (!instanceIds.isEmpty()) {
      for (HistoricProcessInstance i : history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(instanceIds)).list()) {
        codes.put(i.getId(), i.getBusinessKey());
      }
    }
    Map<String, String> names = campaignNames();
    Map<String, String> people = new HashMap<>();
    organization.people().forEach(p -> people.putIfAbsent(p.id(), p.name()));
    List<DoneTask> tasks = new ArrayList<>();
    for (HistoricTaskInstance t : done.values()) {
      String code = codes.get(t.getProcessInstanceId());
      boolean campaign = code != null && names.containsKey(code);
      tasks.add(new DoneTask(t.getId(), t.getName(), code, campaign ? names.get(code) : null,
          t.getEndTime() == null ? null : t.getEndTime().toInstant(), t.getAssignee(),
          t.getAssignee() == null ? null : people.getOrDefault(t.getAssignee(), t.getAssignee()),
          campaign ? "/campaign/campaigns/" + code + "/departments/" + department : null));
    }
    tasks.sort(Comparator.comparing(DoneTask::completedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return tasks.size() > LIMIT ? tasks.subList(0, LIMIT) : tasks;
  }

  /** Every campaign's code → its name. */
  private Map<String, String> campaignNames() {
    Map<String, String> codes = new HashMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).list()
        .forEach(i -> codes.put(i.getId(), i.getBusinessKey()));
    Map<String, String> names = new HashMap<>();
    codes.values().forEach(code -> names.put(code, code));
    if (!codes.isEmpty()) {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(codes.keySet().toArray(String[]::new)).variableName("campaignName").list()) {
        if (v.getValue() != null && codes.get(v.getProcessInstanceId()) != null) {
          names.put(codes.get(v.getProcessInstanceId()), String.valueOf(v.getValue()));
        }
      }
    }
    return names;
  }
}
