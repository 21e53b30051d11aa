package cn.gov.county.campaign.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Copies the essential fields of the engine's history events. This class and {@link AuditPlugin}
 * use engine {@code impl} classes because the public API has no history event types: history
 * events, the handler interface and the removal-time provider exist only there.
 */
final class HistorySnapshots {

  static final String CAMPAIGN_CODE_VARIABLE = "campaignCode";

  private HistorySnapshots() {
  }

  /** The event's entries; empty for an event that writes no row. */
  static List<AuditEvent> of(HistoryEvent event) {
    if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
      List<AuditEvent> decisions = new ArrayList<>();
      decisions.add(decision(evaluation.getRootHistoricDecisionInstance()));
      if (evaluation.getRequiredHistoricDecisionInstances() != null) {
        evaluation.getRequiredHistoricDecisionInstances().forEach(d -> decisions.add(decision(d)));
      }
      return decisions;
    }
    if (event.getId() == null) {
      return List.of();
    }
    Fields f = new Fields();
    AuditKind kind;
    String hint = null;
    boolean hintIsVariable = false;
    String eventType = event.getEventType();
    if (event instanceof HistoricProcessInstanceEventEntity e) {
      kind = AuditKind.PROCESS_INSTANCE;
      f.put("businessKey", e.getBusinessKey()).put("processDefinitionId", e.getProcessDefinitionId())
          .put("rootProcessInstanceId", e.getRootProcessInstanceId())
          .put("superProcessInstanceId", e.getSuperProcessInstanceId())
          .put("startTime", e.getStartTime()).put("endTime", e.getEndTime()).put("startUserId", e.getStartUserId())
          .put("startActivityId", e.getStartActivityId()).put("endActivityId", e.getEndActivityId())
          .put("deleteReason", e.getDeleteReason()).put("state", e.getState())
          .put("processDefinitionKey", e.getProcessDefinitionKey());
      boolean root = e.getProcessInstanceId() != null && e.getProcessInstanceId().equals(e.getRootProcessInstanceId());
      if (root && e.getEndTime() != null) {
        f.put("removalTime", removalTime(e));
      }
      if (root && e.getBusinessKey() != null && !e.getBusinessKey().isBlank()) {
        hint = e.getBusinessKey();
      }
    } else if (event instanceof HistoricActivityInstanceEventEntity e) {
      kind = AuditKind.ACTIVITY_INSTANCE;
      f.put("processInstanceId", e.getProcessInstanceId()).put("activityId", e.getActivityId())
          .put("activityName", e.getActivityName()).put("activityType", e.getActivityType())
          .put("parentActivityInstanceId", e.getParentActivityInstanceId()).put("taskId", e.getTaskId())
          .put("calledProcessInstanceId", e.getCalledProcessInstanceId()).put("assignee", e.getAssignee())
          .put("startTime", e.getStartTime()).put("endTime", e.getEndTime()).put("state", e.getActivityInstanceState());
    } else if (event instanceof HistoricTaskInstanceEventEntity e) {
      kind = AuditKind.TASK_INSTANCE;
      f.put("processInstanceId", e.getProcessInstanceId()).put("taskDefinitionKey", e.getTaskDefinitionKey())
          .put("name", e.getName()).put("description", e.getDescription())
          .put("activityInstanceId", e.getActivityInstanceId()).put("parentTaskId", e.getParentTaskId())
          .put("owner", e.getOwner()).put("assignee", e.getAssignee()).put("startTime", e.getStartTime())
          .put("endTime", e.getEndTime()).put("deleteReason", e.getDeleteReason()).put("priority", e.getPriority())
          .put("dueDate", e.getDueDate()).put("followUpDate", e.getFollowUpDate()).put("taskState", e.getTaskState());
    } else if (event instanceof HistoricVariableUpdateEventEntity e) {
      kind = AuditKind.VARIABLE_UPDATE;
      f.put("processInstanceId", e.getProcessInstanceId()).put("variableInstanceId", e.getVariableInstanceId())
          .put("name", e.getVariableName()).put("serializer", e.getSerializerName()).put("revision", e.getRevision())
          .put("time", e.getTimestamp()).put("activityInstanceId", e.getActivityInstanceId())
          .put("taskId", e.getTaskId()).put("operationId", e.getUserOperationId()).put("initial", e.isInitial())
          .put("text", e.getTextValue()).put("text2", e.getTextValue2()).put("long", e.getLongValue())
          .put("double", e.getDoubleValue()).put("bytes", e.getByteValue());
      if (CAMPAIGN_CODE_VARIABLE.equals(e.getVariableName()) && "string".equals(e.getSerializerName())
          && e.getTextValue() != null && !e.getTextValue().isBlank() && !"delete".equals(eventType)) {
        hint = e.getTextValue().strip();
        hintIsVariable = true;
      }
    } else if (event instanceof HistoricFormPropertyEventEntity e) {
      kind = AuditKind.FORM_PROPERTY;
      f.put("processInstanceId", e.getProcessInstanceId()).put("name", e.getPropertyId())
          .put("value", e.getPropertyValue() == null ? null : e.getPropertyValue().toString())
          .put("time", e.getTimestamp()).put("activityInstanceId", e.getActivityInstanceId())
          .put("taskId", e.getTaskId())
          .put("operationId", e.getUserOperationId());
    } else if (event instanceof HistoricIdentityLinkLogEventEntity e) {
      kind = AuditKind.IDENTITY_LINK;
      f.put("time", e.getTime()).put("type", e.getType()).put("userId", e.getUserId()).put("groupId", e.getGroupId())
          .put("taskId", e.getTaskId()).put("processDefinitionId", e.getProcessDefinitionId())
          .put("operationType", e.getOperationType()).put("assignerId", e.getAssignerId());
    } else if (event instanceof UserOperationLogEntryEventEntity e) {
      kind = AuditKind.OPERATION_LOG;
      eventType = e.getOperationType();
      f.put("operationId", e.getOperationId()).put("operationType", e.getOperationType())
          .put("entityType", e.getEntityType()).put("category", e.getCategory()).put("property", e.getProperty())
          .put("orgValue", e.getOrgValue()).put("newValue", e.getNewValue()).put("userId", e.getUserId())
          .put("time", e.getTimestamp()).put("processInstanceId", e.getProcessInstanceId()).put("taskId", e.getTaskId())
          .put("jobId", e.getJobId()).put("deploymentId", e.getDeploymentId()).put("batchId", e.getBatchId());
    } else if (event instanceof HistoricIncidentEventEntity e) {
      kind = AuditKind.INCIDENT;
      f.put("processInstanceId", e.getProcessInstanceId()).put("createTime", e.getCreateTime())
          .put("endTime", e.getEndTime()).put("incidentType", e.getIncidentType())
          .put("message", e.getIncidentMessage())
          .put("activityId", e.getActivityId()).put("configuration", e.getConfiguration())
          .put("state", e.isOpen() ? 0 : e.isResolved() ? 1 : 2);
    } else if (event instanceof HistoricJobLogEvent e) {
      kind = AuditKind.JOB_LOG;
      f.put("processInstanceId", e.getProcessInstanceId()).put("time", e.getTimestamp()).put("jobId", e.getJobId())
          .put("state", e.getState()).put("jobDefinitionType", e.getJobDefinitionType())
          .put("activityId", e.getActivityId()).put("retries", e.getJobRetries())
          .put("exceptionMessage", e.getJobExceptionMessage());
      if (HistoryCleanupJobHandler.TYPE.equals(e.getJobDefinitionType()) && e.isSuccessLog()) {
        return List.of(entry(kind, eventType, event, f, null, false), cleanup(e));
      }
    } else {
      kind = AuditKind.OTHER;
      f.put("class", event.getClass().getSimpleName());
    }
    return List.of(entry(kind, eventType, event, f, hint, hintIsVariable));
  }

  private static AuditEvent entry(AuditKind kind, String eventType, HistoryEvent event, Fields f, String hint,
      boolean hintIsVariable) {
    return new AuditEvent(kind, eventType, event.getId(), event.getRootProcessInstanceId(),
        event.getProcessInstanceId(), f.map, hint, hintIsVariable);
  }

  /** The history cleanup job ran and succeeded: rows whose removal time has passed are gone. */
  private static AuditEvent cleanup(HistoricJobLogEvent e) {
    Fields f = new Fields().put("time", e.getTimestamp()).put("jobId", e.getJobId());
    return new AuditEvent(AuditKind.CLEANUP, "history-cleanup", e.getId(), null, null, f.map, null, false);
  }

  private static AuditEvent decision(HistoricDecisionInstanceEntity d) {
    Fields f = new Fields().put("processInstanceId", d.getProcessInstanceId())
        .put("decisionDefinitionId", d.getDecisionDefinitionId()).put("evaluationTime", d.getEvaluationTime())
        .put("activityInstanceId", d.getActivityInstanceId())
        .put("rootDecisionInstanceId", d.getRootDecisionInstanceId())
        .put("collectValue", d.getCollectResultValue()).put("decisionDefinitionKey", d.getDecisionDefinitionKey())
        .put("inputs", d.getInputs() == null ? 0 : d.getInputs().size())
        .put("outputs", d.getOutputs() == null ? 0 : d.getOutputs().size());
    if (d.getRootProcessInstanceId() == null) {
      // evaluated outside a process (a delegate's DecisionService call): its own removal time
      f.put("removalTime", d.getRemovalTime());
    }
    return new AuditEvent(AuditKind.DECISION_INSTANCE, d.getEventType(), d.getId(), d.getRootProcessInstanceId(),
        d.getProcessInstanceId(), f.map, null, false);
  }

  /**
   * When the root instance's history may be removed: the engine's removal-time provider on the
   * root's end (strategy "end"), as the engine itself sets it on the rows when the root ends.
   */
  private static java.util.Date removalTime(HistoricProcessInstanceEventEntity root) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    if (configuration == null || !ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END
        .equals(configuration.getHistoryRemovalTimeStrategy())) {
      return null;
    }
    ProcessDefinitionEntity definition = configuration.getDeploymentCache()
        .findDeployedProcessDefinitionById(root.getProcessDefinitionId());
    return configuration.getHistoryRemovalTimeProvider().calculateRemovalTime(root, definition);
  }

  private static final class Fields {
    final SortedMap<String, String> map = new TreeMap<>();

    Fields put(String name, Object value) {
      String canonical = AuditField.canonical(value);
      if (canonical != null) {
        map.put(name, canonical);
      }
      return this;
    }
  }
}
