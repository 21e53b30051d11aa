package cn.gov.county.campaign.survey;

/** Names shared by SatisfactionSurveyProcess.bpmn, its forms, its DMN tables and the code. */
final class SurveyModel {

  static final String PROCESS = "SatisfactionSurveyProcess";
  static final String ENTRY_TASK = "UserTask_EnterSurveyResults";
  static final String BOTTOM_DECISION = "SurveyBottomPosition";
  static final String CONSEQUENCE_DECISION = "SurveyConsequenceDecision";

  static final String ROUND = "surveyRound";
  static final String ROUND_NAME = "surveyRoundName";
  static final String SURVEY_DATE = "surveyDate";
  static final String SCALE = "surveyScale";
  static final String COUNTS = "countsForConsequences";
  static final String RESULTS = "surveyResults";
  static final String RANKING = "surveyRanking";
  static final String RANKING_TEXT = "surveyRankingText";
  static final String PROPOSED = "proposedConsequences";
  static final String MEETING_DATE = "jointMeetingDate";
  static final String MEETING_PARTICIPANTS = "jointMeetingParticipants";
  static final String MEETING_DECISION = "jointMeetingDecision";
  static final String MEDIUM = "publicationMedium";
  static final String PUBLICATION_DATE = "publicationDate";
  static final String PUBLICATION_CONTENT = "publicationContent";
  static final String SUPERIOR_REPORTS = "superiorReports";
  static final String MEASURES_PROCESS = "SurveyMeasuresProcess";
  static final String MEASURES = "surveyMeasures";

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
