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

  static final String CONFIRM = "confirm";
  static final String REJECT = "reject";
  static final String NONE = "NONE";

  private SurveyModel() {
  }
}
