package cn.gov.county.campaign.escalation;

/** Names shared by SupervisoryEscalationProcess.bpmn, its DMN table and the code. */
final class EscalationModel {

  static final String PROCESS = "SupervisoryEscalationProcess";
  static final String OVERDUE_TASK_ID = "overdueTaskId";
  static final String STEP = "escalationStep";
  static final String DECISION = "escalationDecision";
  static final String REASON = "escalationReason";
  static final String STOP = "stop";
  /** Why the ladder runs: an overdue task (unset) or a confirmed survey consequence. */
  static final String CAUSE = "escalationCause";
  static final String SURVEY_CAUSE = "survey";
  static final String SURVEY_MESSAGE = "SurveyConsequenceConfirmed";
  /** Working-day periods (campaign.deadlines.periods) for the department's written answers. */
  static final String FEEDBACK_PERIOD = "supervision-feedback";
  static final String SELF_CRITICISM_PERIOD = "self-criticism";
  static final String RECTIFICATION_MEASURES_PERIOD = "rectification-measures";

  private EscalationModel() {
  }
}
