package cn.gov.county.campaign.evaluation;

/** Names shared by DemocraticEvaluationProcess, its decision, forms, code and tests. */
public final class EvaluationModel {

  public static final String PROCESS = "DemocraticEvaluationProcess";
  public static final String DECISION = "DemocraticEvaluationDecision";
  static final String START_FORM = "DemocraticEvaluationForm";
  static final String REVIEW_TASK = "UserTask_ReviewEvaluationFlag";
  static final String CALCULATE_VOTE_SHARES = "ServiceTask_CalculateVoteShares";
  static final String APPLY_THRESHOLDS = "BusinessRuleTask_ApplyEvaluationThresholds";
  static final String FLAG_REVIEWED_END = "EndEvent_FlagReviewed";
  static final String NOT_FLAGGED_END = "EndEvent_NotFlagged";

  // entered by the office (start form)
  static final String CAMPAIGN_CODE = "campaignCode";
  static final String DEPARTMENT = "department";
  static final String LEADER_NAME = "leaderName";
  static final String LEADER_POST = "leaderPost";
  static final String EVALUATION_YEAR = "evaluationYear";
  static final String VOTES_COMPETENT = "votesCompetent";
  static final String VOTES_BASICALLY_COMPETENT = "votesBasicallyCompetent";
  static final String VOTES_INCOMPETENT = "votesIncompetent";

  // set when the record is started
  static final String DEPARTMENT_NAME = "departmentName";
  /** department|leader name|year: one record per leader and year, and the key to last year's. */
  static final String EVALUATION_KEY = "evaluationKey";

  // computed before the decision (its inputs and what the organization department reads)
  static final String VOTES_TOTAL = "votesTotal";
  static final String VOTES_BASIC_OR_INCOMPETENT = "votesBasicOrIncompetent";
  static final String PREVIOUS_YEAR_RECORDED = "previousYearRecorded";
  static final String PREVIOUS_VOTES_TOTAL = "previousVotesTotal";
  static final String PREVIOUS_VOTES_INCOMPETENT = "previousVotesIncompetent";
  static final String VOTES_SUMMARY = "votesSummary";
  static final String BASIC_OR_INCOMPETENT_SHARE_TEXT = "basicOrIncompetentShareText";
  static final String INCOMPETENT_SHARE_TEXT = "incompetentShareText";
  static final String PREVIOUS_YEAR_TEXT = "previousYearText";

  // the leader's unit (decision inputs for a unit's head)
  static final String IS_TEAM_HEAD = "isTeamHead";
  static final String UNIT_GRADE = "unitGrade";
  static final String PREVIOUS_UNIT_GRADE = "previousUnitGrade";

  // decision outputs
  static final String FLAGGED = "flagged";
  static final String FLAG_REASON = "flagReason";

  // the organization department's handling (review form) and who decided when
  static final String HANDLING_DECISION = "handlingDecision";
  static final String HANDLING_OPINION = "handlingOpinion";
  static final String HANDLED_BY = "handledBy";
  static final String HANDLED_AT = "handledAt";

  private EvaluationModel() {
  }

  /** The key of one leader's record in one year; the name without surrounding blanks. */
  static String evaluationKey(String department, String leaderName, int year) {
    return department + "|" + leaderName.strip() + "|" + year;
  }
}
