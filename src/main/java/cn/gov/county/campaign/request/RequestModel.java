package cn.gov.county.campaign.request;

/** Names shared by InformationRequestProcess and its forms. */
public final class RequestModel {

  public static final String PROCESS = "InformationRequestProcess";
  public static final String SUBMIT_INFORMATION = "UserTask_SubmitInformation";
  public static final String REVIEW_INFORMATION = "UserTask_ReviewInformation";
  public static final String INFORMATION_ACCEPTED_END = "EndEvent_InformationAccepted";

  public static final String DEPARTMENT = "department";
  public static final String SUBJECT = "subject";
  public static final String REQUEST_CONTENT = "requestContent";
  /** The day the department's report is due (its end, China time). */
  public static final String DUE_DATE = "dueDate";
  /** The office's review: accepted or returned. */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String ACCEPTED = "accepted";
  public static final String RETURNED = "returned";
  public static final String REVIEW_COMMENT = "reviewComment";

  private RequestModel() {
  }
}
