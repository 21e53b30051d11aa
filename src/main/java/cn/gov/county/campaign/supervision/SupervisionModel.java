package cn.gov.county.campaign.supervision;

/** Names shared by SupervisionCaseProcess, its forms and code. */
public final class SupervisionModel {

  public static final String PROCESS = "SupervisionCaseProcess";
  public static final String DECISION_FORM = "SupervisionDecisionForm";
  public static final String CASE_FORM = "SupervisionCaseForm";

  public static final String DECIDE_MEASURE = "UserTask_DecideMeasure";
  public static final String SUBMIT_FEEDBACK = "UserTask_SubmitWrittenFeedback";
  public static final String REVIEW_FEEDBACK = "UserTask_ReviewWrittenFeedback";
  public static final String RECORD_HANDLING = "UserTask_RecordHandlingDecision";

  public static final String PROPOSE_MEASURE = "BusinessRuleTask_ProposeMeasure";
  public static final String PREPARE_DECISION = "ServiceTask_PrepareDecision";
  public static final String ISSUE_MEASURE = "ServiceTask_IssueMeasure";
  public static final String MEASURE_ISSUED_END = "EndEvent_MeasureIssued";
  public static final String CASE_CLOSED_END = "EndEvent_CaseClosed";
  public static final String HANDLING_RECORDED_END = "EndEvent_HandlingRecorded";

  /** Inputs of SupervisionMeasureDecision besides the finding's source and whether a cadre is named. */
  public static final String SERIOUSNESS = "seriousness";
  public static final String REPEATED = "repeated";
  public static final String PROPOSAL_REASON = "proposalReason";
  /** Set when the measure is issued: feedback (written answer due), handling (organization dept.) or none. */
  public static final String FOLLOW_UP = "followUp";
  public static final String FOLLOW_UP_FEEDBACK = "feedback";
  public static final String FOLLOW_UP_HANDLING = "handling";
  public static final String FOLLOW_UP_NONE = "none";
  public static final String FEEDBACK_DUE = "feedbackDue";
  /** The deciding body's review of the written feedback: accepted or returned. */
  public static final String FEEDBACK_DECISION = "feedbackDecision";
  public static final String FEEDBACK_ACCEPTED = "accepted";
  public static final String FEEDBACK_RETURNED = "returned";

  public static final String CAMPAIGN_CODE = "campaignCode";
  public static final String DEPARTMENT = "department";
  public static final String CADRE_NAME = "cadreName";
  public static final String CADRE_POST = "cadrePost";
  public static final String FINDING_SOURCE = "findingSource";
  public static final String FINDING = "finding";
  public static final String PROPOSED_MEASURE = "proposedMeasure";
  public static final String MEASURE = "measure";
  public static final String REASON = "measureReason";
  public static final String DECIDING_BODY = "decidingBody";

  /** The working bodies that open cases and decide measures (group ids fixed by the organization file). */

  /** SupervisionRoundProcess: the supervision office's half-monthly round (seed 000). */
  public static final String ROUND_PROCESS = "SupervisionRoundProcess";
  public static final String ROUND_START = "StartEvent_HalfMonthBegins";
  public static final String PREPARE_ROUND = "ServiceTask_PrepareSupervisionRound";
  public static final String RECORD_ROUND = "UserTask_RecordSupervisionRound";
  public static final String OPEN_ROUND_CASES = "ServiceTask_OpenRoundCases";
  public static final String NO_ROUND_END = "EndEvent_NoRound";
  public static final String ROUND_RECORDED_END = "EndEvent_RoundRecorded";
  public static final String CAMPAIGNS_RUNNING = "campaignsRunning";
  public static final String CAMPAIGN_OPTIONS = "campaignOptions";
  public static final String ROUND_PERIOD = "roundPeriod";
  public static final String ROUND_FINDINGS = "roundFindings";
  public static final String CASES_OPENED = "casesOpened";

  private SupervisionModel() {
  }
}
