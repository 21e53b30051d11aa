package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.DmnFile;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of both tables in processes/SurveyConsequenceDecision.dmn, evaluated by the DMN engine
 * from the file the office reads and edits: the case each rule is for, and which rule matched.
 */
class SurveyConsequenceDecisionTest {

  private static DmnFile dmn;

  @BeforeAll
  static void parse() {
    dmn = new DmnFile("processes/" + SurveyModel.CONSEQUENCE_DECISION + ".dmn");
  }

  @ParameterizedTest(name = "{4}: {0}倒数第{1} → {2}")
  @CsvSource({
      "党群部门,     1, true,  党群部门排名后一位,     Rule_PartyAndMassLast",
      "党群部门,     2, false, '',                    Rule_NotInBottomPosition",
      "政府职能部门, 1, true,  政府职能部门排名后二位, Rule_GovernmentLastTwo",
      "政府职能部门, 2, true,  政府职能部门排名后二位, Rule_GovernmentLastTwo",
      "政府职能部门, 3, false, '',                    Rule_NotInBottomPosition",
      "垂直管理部门, 1, true,  垂直管理部门最后一名,   Rule_VerticalLast",
      "垂直管理部门, 2, false, '',                    Rule_NotInBottomPosition",
      "乡镇(街道),   1, false, '',                    Rule_NotInBottomPosition",
  })
  void decidesTheBottomPosition(String category, int rankFromBottom, boolean inBottom, String label, String rule) {
    DmnDecisionTableResult result = dmn.evaluate("SurveyBottomPosition",
        Map.of("unitCategory", category, "rankFromBottom", rankFromBottom));

    assertThat(dmn.matchedRule()).isEqualTo(rule);
    assertThat((Boolean) result.getSingleResult().getEntry("inBottomPosition")).isEqualTo(inBottom);
    assertThat((String) result.getSingleResult().getEntry("positionLabel")).isEqualTo(label);
  }

  @ParameterizedTest(name = "{5}: 问责{0} {1} 后位{2} 第{3}次 → {4}")
  @CsvSource({
      "false, 政府职能部门, true,  1, NONE,                    Rule_RoundNotCounted",
      "true,  政府职能部门, false, 0, NONE,                    Rule_NotInBottom",
      "true,  党群部门,     false, 1, NONE,                    Rule_NotInBottom",
      "true,  政府职能部门, true,  1, ADMONISHMENT_TALK,       Rule_AdmonishmentTalk",
      "true,  党群部门,     true,  1, ADMONISHMENT_TALK,       Rule_AdmonishmentTalk",
      "true,  政府职能部门, true,  2, ORGANIZATIONAL_HANDLING, Rule_OrganizationalHandling",
      "true,  党群部门,     true,  3, ORGANIZATIONAL_HANDLING, Rule_OrganizationalHandling",
      "true,  垂直管理部门, true,  2, REPORT_TO_SUPERIOR,      Rule_ReportToSuperior",
      "true,  垂直管理部门, true,  1, NONE,                    Rule_VerticalFirstTime",
      "true,  垂直管理部门, true,  3, REPORT_TO_SUPERIOR,      Rule_ReportToSuperior",
      "true,  垂直管理部门, false, 1, NONE,                    Rule_NotInBottom",
      "false, 垂直管理部门, true,  1, NONE,                    Rule_RoundNotCounted",
      "false, 党群部门,     true,  2, NONE,                    Rule_RoundNotCounted",
      "true,  乡镇(街道),   true,  1, NONE,                    Rule_NoConsequence",
  })
  void decidesTheConsequence(boolean counts, String category, boolean inBottom, int times, String expected,
      String rule) {
    DmnDecisionTableResult result = dmn.evaluate(SurveyModel.CONSEQUENCE_DECISION,
        Map.of("countsForConsequences", counts,
            "unitCategory", category, "inBottomPosition", inBottom, "timesInBottomPosition", times));

    assertThat(dmn.matchedRule()).isEqualTo(rule);
    assertThat((String) result.getSingleResult().getEntry("consequence")).isEqualTo(expected);
  }
}
