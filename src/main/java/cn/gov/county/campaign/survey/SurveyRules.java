package cn.gov.county.campaign.survey;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The two tables of SurveyConsequenceDecision.dmn, evaluated for one department. */
@Component
class SurveyRules {

  record Position(boolean inBottomPosition, String label) {
  }

  record Consequence(String code, String label) {
    boolean any() {
      return !SurveyModel.NONE.equals(code);
    }
  }

  private final DecisionService decisions;

  SurveyRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  Position position(String unitCategory, int rankFromBottom) {
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(SurveyModel.BOTTOM_DECISION,
        Map.of("unitCategory", unitCategory, "rankFromBottom", rankFromBottom)).getSingleResult();
    return new Position(Boolean.TRUE.equals(result.getEntry("inBottomPosition")), result.getEntry("positionLabel"));
  }

  Consequence consequence(boolean countsForConsequences, String unitCategory, boolean inBottomPosition,
      int timesInBottomPosition) {
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(SurveyModel.CONSEQUENCE_DECISION,
        Map.of("countsForConsequences", countsForConsequences, "unitCategory", unitCategory,
            "inBottomPosition", inBottomPosition, "timesInBottomPosition", timesInBottomPosition))
        .getSingleResult();
    return new Consequence(result.getEntry("consequence"), result.getEntry("consequenceLabel"));
  }
}
