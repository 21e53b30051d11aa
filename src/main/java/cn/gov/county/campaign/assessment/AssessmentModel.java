package cn.gov.county.campaign.assessment;

/** Names shared by AnnualAssessmentProcess.bpmn, its forms, the code and the tests. */
final class AssessmentModel {

  static final String PROCESS = "AnnualAssessmentProcess";

  // element ids
  static final String LIST_LEADERS = "ServiceTask_ListCommittedLeaders";
  static final String REPORT_FULFILMENT_TASK = "UserTask_ReportCommitmentFulfilment";
  static final String SCORE_UNITS = "ServiceTask_ScoreUnits";
  static final String PERFORMANCE_TASK = "UserTask_EnterPerformanceScores";
  static final String RANK_UNITS = "ServiceTask_RankUnits";
  static final String CONFIRM_TASK = "UserTask_ConfirmAssessment";
  static final String PUBLISH = "ServiceTask_PublishAssessment";
  static final String PUBLISHED_END = "EndEvent_AssessmentPublished";

  // variables
  static final String YEAR = "assessmentYear";
  static final String LEADER = "leader";
  static final String LEADER_COMMITMENTS = "leaderCommitments";
  static final String FULFILMENT_REPORT = "fulfilmentReport";
  static final String ACCOUNTABILITY_DECISION = "accountabilityDecision";
  static final String COMMENDED_UNITS = "commendedUnits";
  static final String ACCOUNTABLE_UNITS = "accountableUnits";
  static final String NOTICE_NUMBER = "noticeNumber";

  private AssessmentModel() {
  }
}
