package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.DmnFile;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of processes/SupervisoryEscalationDecision.dmn, evaluated by the DMN engine from the
 * file the office reads and edits: the case each rule is for, and which rule matched.
 */
class SupervisoryEscalationDecisionTest {

  private static DmnFile dmn;

  @BeforeAll
  static void parse() {
    dmn = new DmnFile("processes/" + EscalationModel.DECISION_TABLE + ".dmn");
  }

  @ParameterizedTest(name = "{5}: 逾期{0}个工作日, 本次已采取{1}项, 最重{2}, {3} → {4}")
  @CsvSource({
      // overdue, steps in this escalation, most severe step in the campaign, category, expected step, rule
      "0,  0, NONE,                    政府职能部门, REMINDER,                Rule_ReminderFirst",
      "9,  0, SUPERVISION_NOTICE,      党群部门,     REMINDER,                Rule_ReminderFirst",
      "3,  1, REMINDER,                政府职能部门, SUPERVISION_NOTICE,      Rule_SupervisionNotice",
      "8,  2, SUPERVISION_NOTICE,      乡镇(街道),   NAMED_CRITICISM,         Rule_NamedCriticism",
      "13, 3, NAMED_CRITICISM,         政府职能部门, ADMONISHMENT_TALK,       Rule_AdmonishmentTalk",
      "20, 4, ADMONISHMENT_TALK,       垂直管理部门, REPORT_TO_SUPERIOR,      Rule_ReportToSuperior",
      "20, 4, ADMONISHMENT_TALK,       政府职能部门, ORGANIZATIONAL_HANDLING, Rule_OrganizationalHandling",
      "25, 5, ORGANIZATIONAL_HANDLING, 政府职能部门, END,                     Rule_LadderExhausted",
      "25, 5, REPORT_TO_SUPERIOR,      垂直管理部门, END,                     Rule_LadderExhausted",
      "2,  1, REMINDER,                政府职能部门, WAIT,                    Rule_Wait",
      "7,  2, SUPERVISION_NOTICE,      政府职能部门, WAIT,                    Rule_Wait",
      "12, 3, NAMED_CRITICISM,         党群部门,     WAIT,                    Rule_Wait",
      "19, 4, ADMONISHMENT_TALK,       垂直管理部门, WAIT,                    Rule_Wait",
  })
  void decidesTheNextStep(int overdue, int steps, String mostSevere, String category, String expected, String rule) {
    DmnDecisionTableResult result = dmn.evaluate(EscalationModel.DECISION_TABLE, Map.of("workingDaysOverdue", overdue,
        "stepsInThisEscalation", steps, "mostSevereStep", mostSevere, "unitCategory", category));

    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(expected);
    assertThat(dmn.matchedRule()).isEqualTo(rule);
  }
}
