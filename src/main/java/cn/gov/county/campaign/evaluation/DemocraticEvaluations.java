package cn.gov.county.campaign.evaluation;

import static cn.gov.county.campaign.evaluation.EvaluationModel.*;

import cn.gov.county.campaign.system.EngineInternals;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The democratic evaluation records (民主测评) from history: each is a DemocraticEvaluationProcess
 * instance and its variables, running or finished. A record an administrator cancelled in Cockpit
 * (because it was entered wrongly) does not count.
 *
 * <p>Reads without the caller's authorizations: votes about leaders are for the office, the
 * organization department, discipline inspection and auditors only, and whoever calls this
 * (the API, a record view) checks who asks first.
 */
@Service
public class DemocraticEvaluations {

  private final HistoryService historyService;
  private final IdentityService identityService;

  DemocraticEvaluations(HistoryService historyService, IdentityService identityService) {
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** A department's leaders' records, latest year first. */
  public List<EvaluationRecord> ofDepartment(String department) {
    return find(department, null, null);
  }

  /** The records entered for a campaign, latest year first. */
  public List<EvaluationRecord> ofCampaign(String campaignCode) {
    return find(null, null, campaignCode);
  }

  /** Records filtered by any of department, year and campaign (null: not filtered). */
  public List<EvaluationRecord> find(String department, Integer year, String campaignCode) {
    return unrestricted(() -> {
      HistoricProcessInstanceQuery query = records();
      if (department != null) {
        query.variableValueEquals(DEPARTMENT, department);
      }
      if (campaignCode != null) {
        query.processInstanceBusinessKey(campaignCode);
      }
      List<HistoricProcessInstance> instances = counted(query.list());
      if (instances.isEmpty()) {
        return List.of();
      }
      Map<String, Map<String, Object>> variables = variablesOf(instances);
      return instances.stream()
          .map(instance -> toRecord(instance, variables.getOrDefault(instance.getId(), Map.of())))
          .filter(record -> year == null || record.evaluationYear() == year)
          .sorted(Comparator.comparingInt(EvaluationRecord::evaluationYear).reversed()
              .thenComparing(EvaluationRecord::department)
              .thenComparing(EvaluationRecord::leaderName)
              .thenComparing(EvaluationRecord::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
    });
  }

  /** Whether a leader already has a record for the year (see {@link EvaluationModel#evaluationKey}). */
  boolean exists(String evaluationKey) {
    return unrestricted(() -> !counted(records().variableValueEquals(EVALUATION_KEY, evaluationKey).list()).isEmpty());
  }

  /** The votes of the leader's record for that key, if there is one. */
  Optional<Votes> votesOf(String evaluationKey) {
    return unrestricted(() -> {
      List<HistoricProcessInstance> instances = counted(records().variableValueEquals(EVALUATION_KEY, evaluationKey)
          .orderByProcessInstanceStartTime().desc().list());
      if (instances.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Object> variables = variablesOf(instances.subList(0, 1)).get(instances.get(0).getId());
      return Optional.of(votes(variables));
    });
  }

  private HistoricProcessInstanceQuery records() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS);
  }

  /** Without the records cancelled by an administrator. */
  private static List<HistoricProcessInstance> counted(List<HistoricProcessInstance> instances) {
    return instances.stream()
        .filter(i -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(i.getState()))
        .toList();
  }

  private Map<String, Map<String, Object>> variablesOf(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .disableBinaryFetching()
        .list();
    for (HistoricVariableInstance variable : variables) {
      // all of the record's variables live on the instance: the forms and delegates set none locally
      byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
          .put(variable.getName(), variable.getValue());
    }
    return byInstance;
  }

  private static Votes votes(Map<String, Object> variables) {
    return new Votes(Votes.count(variables.get(VOTES_COMPETENT)), Votes.count(variables.get(VOTES_BASICALLY_COMPETENT)),
        Votes.count(variables.get(VOTES_INCOMPETENT)));
  }

  private static EvaluationRecord toRecord(HistoricProcessInstance instance, Map<String, Object> v) {
    Votes votes = votes(v);
    Object previousTotal = v.get(PREVIOUS_VOTES_TOTAL);
    Object previousIncompetent = v.get(PREVIOUS_VOTES_INCOMPETENT);
    Boolean flagged = (Boolean) v.get(FLAGGED);
    String decision = text(v.get(HANDLING_DECISION));
    String status = flagged == null
        ? null
        : !flagged
            ? EvaluationRecord.STATUS_NOT_FLAGGED
            : decision == null ? EvaluationRecord.STATUS_WAITING : EvaluationRecord.STATUS_DECIDED;
    Date handledAt = (Date) v.get(HANDLED_AT);
    String campaignCode = text(v.get(CAMPAIGN_CODE));
    return new EvaluationRecord(instance.getId(), campaignCode, (String) v.get(DEPARTMENT),
        (String) v.get(DEPARTMENT_NAME), text(v.get(LEADER_NAME)), text(v.get(LEADER_POST)),
        Votes.count(v.get(EVALUATION_YEAR)), votes.competent(), votes.basicallyCompetent(), votes.incompetent(),
        votes.total(), votes.basicOrIncompetentShare(), votes.incompetentShare(),
        previousTotal == null || previousIncompetent == null
            ? null
            : Votes.percent(Votes.count(previousIncompetent), Votes.count(previousTotal)),
        flagged, (String) v.get(FLAG_REASON), status, decision, HandlingDecision.labelOf(decision),
        text(v.get(HANDLING_OPINION)), (String) v.get(HANDLED_BY), handledAt == null ? null : handledAt.toInstant(),
        instance.getStartUserId(), instance.getStartTime().toInstant());
  }

  /** A text variable, null when absent or blank (an untouched form field sends ""). */
  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** Runs the history queries as the application, whoever the current user is. */
  private <T> T unrestricted(Supplier<T> call) {
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
}
