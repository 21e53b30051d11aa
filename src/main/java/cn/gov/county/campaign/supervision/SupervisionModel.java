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

  private SupervisionModel() {
  }
}
