package cn.gov.county.campaign.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.DmnFile;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/DemocraticEvaluationDecision.dmn, evaluated by the DMN engine from the
 * file the organization department reads: seed 000's "基本称职、不称职票达到三分之一，或连续两年
 * 不称职票达到20%", which rule matched, and the exact edges (exactly one third flags, one vote
 * fewer in the same share does not).
 */
class DemocraticEvaluationDecisionTest {

  private static DmnFile dmn;

  @BeforeAll
  static void parse() {
    dmn = new DmnFile("processes/" + EvaluationModel.DECISION + ".dmn");
  }

  @ParameterizedTest(name = "{7}: 本年 称职{0} 基本称职{1} 不称职{2}; 上年 总{3} 不称职{4} → {5}")
  @CsvSource(nullValues = "无", value = {
      // this year: competent, basically competent, incompetent; last year: total, incompetent (无 = no record);
      // expected flagged, expected reason, rule
      "20, 8, 2,  无,  无, true,  基本称职和不称职票合计达到三分之一, Rule_OneThird", // exactly 10 of 30
      "21, 8, 2,  无,  无, false, 未触发处理条件,                     Rule_NotFlagged", // 10 of 31
      "40, 15, 5, 无,  无, true,  基本称职和不称职票合计达到三分之一, Rule_OneThird", // exactly 20 of 60
      "2,  1, 0,  无,  无, true,  基本称职和不称职票合计达到三分之一, Rule_OneThird", // exactly 1 of 3
      "20, 11, 0, 100, 50, true,  基本称职和不称职票合计达到三分之一, Rule_OneThird", // one third, 0% this year
      "75, 5, 20, 50,  10, true,  连续两年不称职票达到20%,            Rule_TwoYearsIncompetent", // 20% and 20%
      "28, 0, 7,  35,  7,  true,  连续两年不称职票达到20%,            Rule_TwoYearsIncompetent", // 7 of 35 twice
      "75, 5, 20, 100, 19, false, 未触发处理条件,                     Rule_NotFlagged", // 20%, last year 19%
      "75, 5, 20, 无,  无, false, 未触发处理条件,                     Rule_NotFlagged", // 20%, no record last year
      "76, 5, 19, 100, 40, false, 未触发处理条件,                     Rule_NotFlagged", // 19%, last year 40%
      "20, 4, 6,  100, 20, true,  基本称职和不称职票合计达到三分之一；连续两年不称职票达到20%, Rule_BothThresholds",
      "30, 0, 0,  无,  无, false, 未触发处理条件,                     Rule_NotFlagged", // all competent
  })
  void flagsALeaderAsSeed000Says(int competent, int basicallyCompetent, int incompetent, Integer previousTotal,
      Integer previousIncompetent, boolean flagged, String reason, String rule) {
    VariableMap variables = Variables.createVariables()
        .putValue("votesTotal", competent + basicallyCompetent + incompetent)
        .putValue("votesBasicOrIncompetent", basicallyCompetent + incompetent)
        .putValue("votesIncompetent", incompetent)
        .putValue("previousVotesTotal", previousTotal)
        .putValue("previousVotesIncompetent", previousIncompetent);

    DmnDecisionRuleResult result = dmn.evaluate(EvaluationModel.DECISION, variables).getSingleResult();

    assertThat(result.<Boolean>getEntry("flagged")).isEqualTo(flagged);
    assertThat(result.<String>getEntry("flagReason")).isEqualTo(reason);
    assertThat(dmn.matchedRule()).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{5}: 一把手 {0}, 本年考核 {1}, 上年考核 {2} → {3}")
  @CsvSource(nullValues = "无", value = {
      // team head?, this year's unit grade, last year's (无 = none), expected flagged, reason, rule
      "true,  poor, 无,   true,  单位年度考核为差,           Rule_TeamHeadPoorAssessment",
      "true,  fair, fair, true,  单位连续两年年度考核为一般, Rule_TeamHeadFairTwice",
      "true,  fair, 无,   false, 未触发处理条件,             Rule_NotFlagged",
      "true,  fair, good, false, 未触发处理条件,             Rule_NotFlagged",
      "false, poor, poor, false, 未触发处理条件,             Rule_NotFlagged",
      "true,  无,   poor, false, 未触发处理条件,             Rule_NotFlagged",
  })
  void flagsAUnitHeadByTheUnitsYearEndAssessment(boolean teamHead, String unitGrade, String previousUnitGrade,
      boolean flagged, String reason, String rule) {
    VariableMap variables = Variables.createVariables()
        .putValue("votesTotal", 30).putValue("votesBasicOrIncompetent", 0).putValue("votesIncompetent", 0)
        .putValue("previousVotesTotal", null).putValue("previousVotesIncompetent", null)
        .putValue("isTeamHead", teamHead).putValue("unitGrade", unitGrade)
        .putValue("previousUnitGrade", previousUnitGrade);

    DmnDecisionRuleResult result = dmn.evaluate(EvaluationModel.DECISION, variables).getSingleResult();

    assertThat(result.<Boolean>getEntry("flagged")).isEqualTo(flagged);
    assertThat(result.<String>getEntry("flagReason")).isEqualTo(reason);
    assertThat(dmn.matchedRule()).isEqualTo(rule);
  }
}
