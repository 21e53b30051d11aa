package cn.gov.county.campaign.review;

import cn.gov.county.campaign.evidence.EvidenceFile;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happened to one department in one campaign, as the auditors and the office
 * review it: its process instances, every task with who claimed and completed it, what each
 * completion submitted, every later change of a variable, the notices issued to it and the
 * notifications sent about it, and the evidence files (佐证材料) uploaded on its tasks. Read from history and the campaign's own tables when asked for;
 * nothing here is a second copy. Values are strings (rendered readably) and instants, so the same
 * record feeds the JSON API and a spreadsheet export.
 *
 * @param campaignState {@code 进行中} or {@code 已结束}
 * @param generatedAt   when this dossier was read (engine clock)
 */
public record DepartmentDossier(String campaignCode, String campaignName, String campaignState, String department,
    String departmentName, Instant generatedAt, List<ProcessInstance> processInstances, List<Task> tasks,
    List<Submission> submissions, List<VariableChange> variableChanges, List<Notice> notices,
    List<NotificationSent> notifications, List<EvidenceFile> evidence) {

  /** How an instance belongs to the department. */
  public static final String OWN = "DEPARTMENT";
  /** An instance of several departments (e.g. a survey round) that held a task of this one. */
  public static final String SHARED = "SHARED";

  /**
   * One process instance of the department in the campaign.
   *
   * @param relation     {@link #OWN} (the instance's {@code department} is this department) or
   *                     {@link #SHARED}
   * @param state        the engine's state: ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED,
   *                     INTERNALLY_TERMINATED
   * @param stateLabel   进行中, 已挂起, 已完成, 已撤销 (deleted by a user), 已终止 (ended by the process)
   * @param endEventName the end event it reached, or null
   * @param diagramUrl   the page with the instance's diagram and the path it took
   */
  public record ProcessInstance(String id, String processDefinitionKey, String processName, int processVersion,
      String relation, String superProcessInstanceId, Instant startedAt, Instant endedAt, String state,
      String stateLabel, String endEventName, String deleteReason, String diagramUrl) {
  }

  /**
   * One task (historic task instance).
   *
   * @param candidateGroups the groups it was ever offered to, comma separated
   * @param status          OPEN, COMPLETED or CLOSED (ended without completion: a window closed, a
   *                        boundary event, the instance deleted)
   * @param statusLabel     办理中, 已办结, 已关闭（reason）
   * @param assignee        the assignee at the end (or now)
   * @param claimedBy       who claimed it last before it ended (operation log Claim), or null
   * @param completedBy     who completed it (operation log Complete; else its last assignee)
   */
  public record Task(String id, String processInstanceId, String processDefinitionKey, String processName,
      String taskDefinitionKey, String name, String candidateGroups, Instant createdAt, Instant dueAt,
      Instant endedAt, String status, String statusLabel, String deleteReason, String assignee, String claimedBy,
      Instant claimedAt, String completedBy, Instant completedAt, List<AssigneeChange> assigneeHistory) {
  }

  /**
   * One change of a task's assignee or its completion, oldest first.
   *
   * @param operation      Claim, Unclaim, Assign, SetAssignee, Delegate, Resolve, SetOwner,
   *                       Complete (operation log) or AssignedByProcess (identity link log only:
   *                       the model's {@code camunda:assignee})
   * @param operationLabel the same in Chinese
   * @param userId         who did it (null for the process)
   * @param fromAssignee   the assignee before
   * @param toAssignee     the assignee after
   */
  public record AssigneeChange(String taskId, Instant at, String operation, String operationLabel, String userId,
      String fromAssignee, String toAssignee) {
  }

  /** What a task's completion wrote, with who and when. */
  public record Submission(String taskId, String taskName, String processInstanceId, String processName,
      String submittedBy, Instant submittedAt, List<Field> fields) {
  }

  /**
   * One submitted variable.
   *
   * @param label      the label of the form field with this key, else the variable name
   * @param type       the engine's value type (string, integer, boolean, date, json, null, ...)
   * @param value      rendered readably: JSON text for Json values, ISO-8601 with +08:00 for dates,
   *                   null for a null value
   * @param valueLabel for a field with options, the option's label (e.g. 同意签发 for issue), else null
   * @param columns    for a list (dynamic list), its row fields' keys and labels: the table's headers; else null
   */
  public record Field(String variable, String label, String type, String value, String valueLabel,
      java.util.Map<String, String> columns) {
  }

  /**
   * A variable update after the variable's first value.
   *
   * @param via      SUBMISSION (a task's completion wrote it), USER (a user set it directly:
   *                 REST, Cockpit; see {@code operationType}) or PROCESS (the engine: a listener, a
   *                 service task, a timer; no user)
   * @param viaLabel the same in Chinese, with the task's name for a submission
   */
  public record VariableChange(String processInstanceId, String processName, String variable, String label,
      String type, String oldValue, String newValue, int revision, String changedBy, Instant changedAt, String via,
      String viaLabel, String operationType, String taskId, String taskName) {
  }

  /** A notice (文书) issued to the department in the campaign. */
  public record Notice(long id, String number, String kind, String kindLabel, String title, String issuedOn,
      String url) {
  }

  /** A notification recorded for the department in the campaign (mail or in-app). */
  public record NotificationSent(long id, String eventKey, String recipientId, String recipientName,
      String subject, String status, String statusLabel, Instant createdAt, Instant sentAt, int attempts,
      String lastError) {
  }
}
