package cn.gov.county.campaign.survey;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The answers of a satisfaction survey (满意度测评) and their weights in points. An answer that is
 * not counted (不了解) is recorded but left out of the score.
 *
 * @param name    the scale's name in {@code campaign.surveys.scales}
 * @param answers the answers in the order they appear on the sheet
 */
public record SurveyScale(String name, List<Answer> answers) {

  /** The default scale: 满意 100, 基本满意 60, 不满意 0, 不了解 not counted. */
  public static final String STANDARD = "standard";

  /**
   * @param answer  the answer as printed on the questionnaire and in the sheet's header
   * @param weight  points for this answer; null when not counted
   * @param counted whether the answer counts in the score
   */
  public record Answer(String answer, BigDecimal weight, boolean counted) {
  }

  public SurveyScale {
    answers = List.copyOf(answers);
    if (answers.stream().noneMatch(Answer::counted)) {
      throw new IllegalArgumentException("campaign.surveys.scales." + name + " has no counted answer");
    }
    if (answers.stream().map(Answer::answer).distinct().count() != answers.size()) {
      throw new IllegalArgumentException("campaign.surveys.scales." + name + " names an answer twice");
    }
  }

  public List<Answer> counted() {
    return answers.stream().filter(Answer::counted).toList();
  }

  /** The counted answer with the fewest points (不满意): fewer of it wins a tie. */
  public Answer lowest() {
    return counted().stream().min(Comparator.comparing(Answer::weight)).orElseThrow();
  }

  public Optional<Answer> answer(String label) {
    return answers.stream().filter(a -> a.answer().equals(label)).findFirst();
  }

  /** "满意×100、基本满意×60、不满意×0；不了解不计入" for forms and pages. */
  public String formula() {
    StringBuilder text = new StringBuilder("得分 = (");
    List<Answer> counted = counted();
    for (int i = 0; i < counted.size(); i++) {
      text.append(i == 0 ? "" : " + ").append(counted.get(i).answer()).append("票数×")
          .append(counted.get(i).weight().stripTrailingZeros().toPlainString());
    }
    text.append(") ÷ (").append(String.join(" + ", counted.stream().map(Answer::answer).toList()))
        .append("票数)");
    List<String> left = answers.stream().filter(a -> !a.counted()).map(Answer::answer).toList();
    if (!left.isEmpty()) {
      text.append("；").append(String.join("、", left)).append("不计入");
    }
    return text.toString();
  }
}
