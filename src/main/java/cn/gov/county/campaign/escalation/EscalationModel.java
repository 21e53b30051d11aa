package cn.gov.county.campaign.escalation;

/** Names shared by SupervisoryEscalationProcess.bpmn, its DMN table and the code. */
public final class EscalationModel {

  public static final String PROCESS = "SupervisoryEscalationProcess";
  public static final String OVERDUE_TASK_ID = "overdueTaskId";
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

  // element ids of SupervisoryEscalationProcess
  static final String ASSESS_OVERDUE = "ServiceTask_AssessOverdue";
  static final String DECIDE_STEP = "BusinessRuleTask_DecideEscalationStep";
  static final String NEXT_CHECK = "TimerEvent_NextCheck";
  static final String LADDER_EXHAUSTED_END = "EndEvent_LadderExhausted";
  static final String DRAFT_NOTICE = "ServiceTask_DraftNotice";
  public static final String ISSUE_REMINDER = "UserTask_IssueReminder";
  static final String ISSUE_SUPERVISION_NOTICE = "UserTask_IssueSupervisionNotice";
  static final String ISSUE_NAMED_CRITICISM = "UserTask_IssueNamedCriticism";
  public static final String HOLD_ADMONISHMENT_TALK = "UserTask_HoldAdmonishmentTalk";
  public static final String RECOMMEND_ORGANIZATIONAL_HANDLING = "UserTask_RecommendOrganizationalHandling";
  public static final String REPORT_TO_SUPERIOR = "UserTask_ReportToSuperior";
  static final String RECORD_STOP = "ServiceTask_RecordStop";
  static final String ESCALATION_STOPPED_END = "EndEvent_EscalationStopped";
  static final String ISSUE_NOTICE = "ServiceTask_IssueNotice";
  static final String SUBMIT_FEEDBACK = "UserTask_SubmitSupervisionFeedback";
  static final String FEEDBACK_OVERDUE = "BoundaryEvent_FeedbackOverdue";
  static final String WRITE_SELF_CRITICISM = "UserTask_WriteSelfCriticism";
  static final String SELF_CRITICISM_OVERDUE = "BoundaryEvent_SelfCriticismOverdue";
  public static final String SURVEY_CONSEQUENCE_APPLIED_END = "EndEvent_SurveyConsequenceApplied";
  static final String ESCALATION_ENDED_END = "EndEvent_EscalationEnded";
  static final String DELIVERED_MESSAGE = "OverdueTaskDelivered";
  static final String DECISION_TABLE = "SupervisoryEscalationDecision";
  // variables of SupervisoryEscalationProcess
  static final String DEPARTMENT = "department";
  static final String UNIT_CATEGORY = "unitCategory";
  static final String VERTICAL_UNIT = "垂直管理部门";
  static final String UNIT_HEAD = "unitHead";
  static final String WORKING_DAYS_OVERDUE = "workingDaysOverdue";
  static final String STEPS_IN_THIS_ESCALATION = "stepsInThisEscalation";
  static final String MOST_SEVERE_STEP = "mostSevereStep";
  static final String NEXT_CHECK_AT = "nextCheckAt";
  public static final String NOTICE_TITLE = "noticeTitle";
  static final String LAST_NOTICE_NUMBER = "lastNoticeNumber";
  static final String SELF_CRITICISM_REQUIRED = "selfCriticismRequired";
  static final String FEEDBACK_DUE = "feedbackDue";
  static final String SELF_CRITICISM_DUE = "selfCriticismDue";
  static final String ISSUE = "issue";

  private EscalationModel() {
  }
}
