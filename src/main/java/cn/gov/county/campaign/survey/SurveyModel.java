package cn.gov.county.campaign.survey;

/** Names shared by SatisfactionSurveyProcess.bpmn, its forms, its DMN tables and the code. */
public final class SurveyModel {

  public static final String PROCESS = "SatisfactionSurveyProcess";
  public static final String ENTRY_TASK = "UserTask_EnterSurveyResults";
  static final String BOTTOM_DECISION = "SurveyBottomPosition";
  static final String CONSEQUENCE_DECISION = "SurveyConsequenceDecision";

  static final String ROUND = "surveyRound";
  static final String ROUND_NAME = "surveyRoundName";
  static final String SURVEY_DATE = "surveyDate";
  static final String SCALE = "surveyScale";
  static final String COUNTS = "countsForConsequences";
  public static final String RESULTS = "surveyResults";
  static final String RANKING = "surveyRanking";
  static final String RANKING_TEXT = "surveyRankingText";
  public static final String PROPOSED = "proposedConsequences";
  static final String MEETING_DATE = "jointMeetingDate";
  static final String MEETING_PARTICIPANTS = "jointMeetingParticipants";
  static final String MEETING_DECISION = "jointMeetingDecision";
  static final String MEDIUM = "publicationMedium";
  static final String PUBLICATION_DATE = "publicationDate";
  static final String PUBLICATION_CONTENT = "publicationContent";
  static final String SUPERIOR_REPORTS = "superiorReports";
  static final String MEASURES_PROCESS = "SurveyMeasuresProcess";
  static final String MEASURES = "surveyMeasures";

  // element ids of SatisfactionSurveyProcess
  static final String PREPARE_ENTRY = "ServiceTask_PrepareSurveyEntry";
  static final String RANK = "ServiceTask_RankDepartments";
  public static final String CONFIRM_CONSEQUENCES_TASK = "UserTask_ConfirmConsequences";
  static final String DIAGNOSTIC_REVIEW_TASK = "UserTask_ReviewDiagnosticResults";
  static final String REPORT_VERTICAL_UNITS = "ServiceTask_ReportVerticalUnits";
  static final String PROPOSE_MEASURES = "CallActivity_ProposeSurveyMeasures";
  static final String COLLECT_MEASURES = "ServiceTask_CollectSurveyMeasures";
  public static final String PUBLICATION_TASK = "UserTask_RecordPublication";
  static final String PUBLISH_RESULTS = "ServiceTask_PublishSurveyResults";
  static final String APPLY_CONSEQUENCE = "SubProcess_ApplyConsequence";
  static final String START_ESCALATION_STEP = "ServiceTask_StartEscalationStep";
  static final String REGISTER_RECTIFICATION = "ServiceTask_RegisterSurveyRectification";
  public static final String MAKE_COMMITMENT = "CallActivity_MakePublicCommitment";
  static final String COMMITMENT_MADE_END = "EndEvent_CommitmentMade";
  static final String ESCALATION_STEP_STARTED_END = "EndEvent_EscalationStepStarted";
  static final String ROUND_CLOSED_END = "EndEvent_SurveyRoundClosed";
  static final String RECTIFICATION_REQUIRED = "rectificationRequired";
  static final String DIAGNOSTIC_REQUIREMENTS = "diagnosticRequirements";
  static final String CAMPAIGN_CODE = "campaignCode";
  static final String CAMPAIGN_NAME = "campaignName";
  static final String DEPARTMENT = "department";
  static final String DEPARTMENT_NAME = "departmentName";
  static final String FACTS = "surveyFacts";
  static final String PROBLEM_CODE = "problemCode";

  // SurveyMeasuresProcess (called by round 1 for each surveyed unit)
  static final String MEASURES_TASK = "UserTask_ProposeSurveyMeasures";
  static final String MEASURES_PROPOSED_END = "EndEvent_MeasuresProposed";
  static final String MEASURES_RESPONSIBLE = "measuresResponsible";
  static final String MEASURES_DEADLINE = "measuresDeadline";

  // SurveyCommitmentProcess (called by a counted round for each unit that must rectify)
  public static final String COMMITMENT_PROCESS = "SurveyCommitmentProcess";
  static final String COMMITMENT_TASK = "UserTask_MakePublicCommitment";
  static final String COMMITMENT_TEXT = "commitmentText";
  static final String PUBLICATION_CHANNEL = "publicationChannel";
  static final String PUBLISHED_ON = "publishedOn";

  // TownshipSurveyProcess (a township's own survey of its sub-units)
  static final String TOWNSHIP_PROCESS = "TownshipSurveyProcess";
  static final String TOWNSHIP_RANK = "ServiceTask_RankSubUnits";
  static final String TOWNSHIP_APPROVAL_TASK = "UserTask_ApproveTownshipSurvey";
  static final String TOWNSHIP_PUBLISHED_END = "EndEvent_TownshipSurveyPublished";
  static final String TOWNSHIP = "township";
  static final String TOWNSHIP_NAME = "townshipName";
  static final String TOWNSHIP_INITIATOR = "surveyInitiator";
  static final String SUB_UNIT_RESULTS = "subUnitResults";
  static final String SUB_UNIT_RANKING = "subUnitRanking";
  static final String BOTTOM_SUB_UNITS = "bottomSubUnits";
  static final String TOWNSHIP_DECISION = "townshipDecision";

  /** Round 1 (作风问计) is diagnostic; from round 2 on the results carry consequences (seed 004). */
  static boolean countsForConsequences(int round) {
    return round >= 2;
  }

  static final String CONFIRM = "confirm";
  static final String REJECT = "reject";
  static final String NONE = "NONE";

  private SurveyModel() {
  }
}
