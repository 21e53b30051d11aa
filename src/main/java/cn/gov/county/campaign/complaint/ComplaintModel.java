package cn.gov.county.campaign.complaint;

/** Names shared by the complaint model, its forms and the code: process key, element ids, variables. */
public final class ComplaintModel {

  public static final String PROCESS = "ComplaintProcess";
  public static final String REGISTRATION_FORM = "ComplaintRegistrationForm";
  public static final String VERIFICATION_FORM = "ComplaintVerificationForm";

  public static final String VERIFY_TASK = "UserTask_VerifyComplaint";
  public static final String REGISTER_PROBLEM = "ServiceTask_RegisterComplaintProblem";
  public static final String PROBLEM_REGISTERED_END = "EndEvent_ComplaintBecameProblem";
  public static final String UNSUBSTANTIATED_END = "EndEvent_ComplaintUnsubstantiated";
  public static final String CAMPAIGN_NOT_RUNNING_END = "EndEvent_CampaignNoLongerRunning";
  public static final String CAMPAIGN_NOT_RUNNING_ERROR = "CampaignNotRunning";

  /** The end event of RectificationItemProcess at which a problem is verified and closed (销号). */
  public static final String PROBLEM_CLOSED_END = "EndEvent_ProblemClosed";

  // start form
  public static final String CAMPAIGN_CODE = "campaignCode";
  public static final String DEPARTMENT = "department";
  public static final String SOURCE = "complaintSource";
  public static final String CONTENT = "complaintContent";
  public static final String RECEIVED_ON = "receivedOn";
  // set at registration
  public static final String NUMBER = "complaintNumber";
  public static final String SERIAL = "complaintSerial";
  public static final String SOURCE_LABEL = "complaintSourceLabel";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String CAMPAIGN_NAME = "campaignName";
  // verification form: substantiated is "yes" (属实) or "no" (不属实)
  public static final String SUBSTANTIATED = "substantiated";
  public static final String SUBSTANTIATED_YES = "yes";
  public static final String SUBSTANTIATED_NO = "no";
  public static final String REASON = "verificationReason";
  // set when the complaint becomes a problem of the department
  public static final String PROBLEM_CODE = "problemCode";

  // set on the campaign when its closing task starts
  public static final String RANKING_TABLE = "complaintRanking";
  public static final String RANKING_SUMMARY = "complaintRankingSummary";

  private ComplaintModel() {
  }
}
