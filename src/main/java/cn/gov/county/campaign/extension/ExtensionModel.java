package cn.gov.county.campaign.extension;

/** Names shared by DeadlineExtensionProcess (延期申请), its forms and code. */
public final class ExtensionModel {

  public static final String PROCESS = "DeadlineExtensionProcess";
  static final String START_FORM = "DeadlineExtensionForm";
  static final String REVIEW_FORM = "DeadlineExtensionReviewForm";
  static final String REVIEW_TASK = "UserTask_ReviewExtension";
  static final String REGISTER_REQUEST = "ServiceTask_RegisterExtensionRequest";
  static final String GRANTED_END = "EndEvent_ExtensionGranted";
  static final String REFUSED_END = "EndEvent_ExtensionRefused";
  /** Who asked (the start event's initiator) and who decided (the review task's assignee). */
  static final String REQUESTED_BY = "requestedBy";
  static final String DECIDED_BY = "extensionDecidedBy";

  /** Start form: the problem (its code), the deadline asked for, why. */
  static final String PROBLEM_CODE = "problemCode";
  static final String REQUESTED_DEADLINE = "requestedDeadline";
  static final String REASON = "extensionReason";

  /** Review form: 同意/不同意, the deadline granted (empty = as requested), the office's opinion. */
  static final String DECISION = "extensionDecision";
  static final String GRANTED_DEADLINE = "grantedDeadline";
  static final String OPINION = "extensionOpinion";
  static final String APPROVED = "approved";
  static final String REFUSED = "refused";

  /** Set by the registration from the problem: its deadline when asked, its first deadline. */
  static final String CURRENT_DEADLINE = "currentDeadline";
  static final String ORIGINAL_DEADLINE = "originalDeadline";

  /** The start form's problem list, filled for the asking department when the form is fetched. */
  static final String OWN_PROBLEMS_OPTIONS = "ownProblems";

  private ExtensionModel() {
  }
}
