package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scoring formula and the ranking within a unit category on worked examples, with the standard
 * scale (满意 100, 基本满意 60, 不满意 0, 不了解 not counted), ties included.
 */
class SurveyScoringTest {

  static final SurveyScale STANDARD = new SurveyProperties(null).toScales().get(SurveyScale.STANDARD);

  @Test
  void scoresCountedAnswersOnlyAndRanksWithinEachCategory() {
    List<SurveyScoring.Ranked> ranking = SurveyScoring.rank(STANDARD, List.of(
        entry("dept-devreform", UnitCategory.GOVERNMENT_FUNCTIONAL, 80, 15, 5, 10),
        entry("dept-propaganda", UnitCategory.PARTY_AND_MASS, 90, 10, 0, 3),
        entry("dept-finance", UnitCategory.GOVERNMENT_FUNCTIONAL, 60, 30, 10, 5),
        entry("dept-market", UnitCategory.GOVERNMENT_FUNCTIONAL, 70, 20, 10, 0),
        entry("dept-union", UnitCategory.PARTY_AND_MASS, 50, 40, 10, 40),
        entry("dept-education", UnitCategory.GOVERNMENT_FUNCTIONAL, 57, 35, 8, 0)));

    // (80×100 + 15×60 + 5×0) ÷ 100 = 89; 不了解 (10) is not counted
    assertThat(ranking).extracting(r -> r.departmentName() + " " + r.score() + " " + r.rank() + "/" + r.categorySize()
        + " 倒数" + r.rankFromBottom())
        .containsExactly(
            "县委宣传部 96.00 1/2 倒数2",
            "县总工会 74.00 2/2 倒数1",
            "县发展和改革局 89.00 1/4 倒数4",
            "县市场监督管理局 82.00 2/4 倒数3",
            // equal scores (78): fewer 不满意 (8 of 100 against 10 of 100) ranks first
            "县教育局 78.00 3/4 倒数2",
            "县财政局 78.00 4/4 倒数1");
    assertThat(ranking.get(2).validAnswers()).isEqualTo(100);
  }

  @Test
  void departmentsEqualInScoreAndDissatisfactionShareTheirPlaceFromBothEnds() {
    List<SurveyScoring.Ranked> ranking = SurveyScoring.rank(STANDARD, List.of(
        entry("dept-devreform", UnitCategory.GOVERNMENT_FUNCTIONAL, 80, 15, 5, 0),
        entry("dept-finance", UnitCategory.GOVERNMENT_FUNCTIONAL, 60, 30, 10, 0),
        entry("dept-market", UnitCategory.GOVERNMENT_FUNCTIONAL, 70, 20, 10, 0),
        // the same shares in a different number of answers: 6/3/1 of 10 is 60/30/10 of 100
        entry("dept-education", UnitCategory.GOVERNMENT_FUNCTIONAL, 6, 3, 1, 7)));

    assertThat(ranking).extracting(r -> r.department() + " " + r.rank() + " 倒数" + r.rankFromBottom())
        .containsExactly("dept-devreform 1 倒数4", "dept-market 2 倒数3", "dept-finance 3 倒数1",
            "dept-education 3 倒数1");
  }

  @Test
  void comparesScoresExactlyNotByTheirRoundedFigures() {
    // 2/3 of 100 = 66.666…, shown as 66.67; 6667/100 = 66.67 exactly, a little higher
    List<SurveyScoring.Ranked> ranking = SurveyScoring.rank(STANDARD, List.of(
        entry("dept-finance", UnitCategory.GOVERNMENT_FUNCTIONAL, 2, 0, 1, 0),
        entry("dept-market", UnitCategory.GOVERNMENT_FUNCTIONAL, 6667, 0, 3333, 0)));

    assertThat(ranking).extracting(r -> r.department() + " " + r.score() + " " + r.rank())
        .containsExactly("dept-market 66.67 1", "dept-finance 66.67 2");
  }

  @Test
  void weightsComeFromTheConfiguredScale() {
    SurveyScale fiveLevels = new SurveyProperties(Map.of("five-levels", List.of(
        new SurveyProperties.AnswerSetting("非常满意", java.math.BigDecimal.valueOf(100), null),
        new SurveyProperties.AnswerSetting("满意", java.math.BigDecimal.valueOf(80), null),
        new SurveyProperties.AnswerSetting("一般", java.math.BigDecimal.valueOf(60), null),
        new SurveyProperties.AnswerSetting("不满意", java.math.BigDecimal.ZERO, null),
        new SurveyProperties.AnswerSetting("不了解", null, false)))).toScales().get("five-levels");
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("非常满意", 1L);
    counts.put("满意", 1L);
    counts.put("一般", 1L);
    counts.put("不满意", 1L);
    counts.put("不了解", 9L);

    assertThat(SurveyScoring.rank(fiveLevels, List.of(new SurveyScoring.Entry(department("dept-finance",
        UnitCategory.GOVERNMENT_FUNCTIONAL), counts))).get(0).score()).hasToString("60.00");
    assertThat(fiveLevels.formula()).isEqualTo(
        "得分 = (非常满意票数×100 + 满意票数×80 + 一般票数×60 + 不满意票数×0) ÷ (非常满意 + 满意 + 一般 + 不满意票数)；不了解不计入");
  }

  static SurveyScoring.Entry entry(String id, UnitCategory category, long satisfied, long basically, long dissatisfied,
      long unknown) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("满意", satisfied);
    counts.put("基本满意", basically);
    counts.put("不满意", dissatisfied);
    counts.put("不了解", unknown);
    return new SurveyScoring.Entry(department(id, category), counts);
  }

  static final Map<String, String> NAMES = Map.of("dept-propaganda", "县委宣传部", "dept-union", "县总工会",
      "dept-devreform", "县发展和改革局", "dept-finance", "县财政局", "dept-market", "县市场监督管理局",
      "dept-education", "县教育局", "dept-taxation", "国家税务总局示范县税务局", "dept-meteorology", "县气象局");

  static Organization.Department department(String id, UnitCategory category) {
    Organization.Person head = new Organization.Person(id + "-head", "一把手", null, null);
    return new Organization.Department(id, NAMES.getOrDefault(id, id), category, head, head, null);
  }

  static List<Organization.Department> demoDepartments() {
    List<Organization.Department> all = new ArrayList<>();
    all.add(department("dept-propaganda", UnitCategory.PARTY_AND_MASS));
    all.add(department("dept-union", UnitCategory.PARTY_AND_MASS));
    all.add(department("dept-devreform", UnitCategory.GOVERNMENT_FUNCTIONAL));
    all.add(department("dept-finance", UnitCategory.GOVERNMENT_FUNCTIONAL));
    all.add(department("dept-market", UnitCategory.GOVERNMENT_FUNCTIONAL));
    all.add(department("dept-education", UnitCategory.GOVERNMENT_FUNCTIONAL));
    return all;
  }
}
