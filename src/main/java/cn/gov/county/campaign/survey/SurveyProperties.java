package cn.gov.county.campaign.survey;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campaign.surveys}: the answer scales of satisfaction surveys.
 *
 * @param scales scale name → answers in sheet order, each with its points ({@code weight}) or
 *               {@code counted: false}; {@code standard} is built in and may be re-weighted
 */
@ConfigurationProperties(prefix = "campaign.surveys")
record SurveyProperties(Map<String, List<AnswerSetting>> scales) {

  /** One answer of a scale as configured. */
  record AnswerSetting(String answer, BigDecimal weight, Boolean counted) {
  }

  static final List<AnswerSetting> STANDARD_ANSWERS = List.of(
      new AnswerSetting("满意", BigDecimal.valueOf(100), true),
      new AnswerSetting("基本满意", BigDecimal.valueOf(60), true),
      new AnswerSetting("不满意", BigDecimal.ZERO, true),
      new AnswerSetting("不了解", null, false));

  SurveyProperties {
    Map<String, List<AnswerSetting>> merged = new LinkedHashMap<>();
    merged.put(SurveyScale.STANDARD, STANDARD_ANSWERS);
    if (scales != null) {
      merged.putAll(scales);
    }
    scales = Map.copyOf(merged);
    scales.forEach(SurveyProperties::toScale);
  }

  Map<String, SurveyScale> toScales() {
    Map<String, SurveyScale> result = new LinkedHashMap<>();
    scales.forEach((name, answers) -> result.put(name, toScale(name, answers)));
    return result;
  }

  private static SurveyScale toScale(String name, List<AnswerSetting> answers) {
    if (answers == null || answers.isEmpty()) {
      throw new IllegalArgumentException("campaign.surveys.scales." + name + " has no answers");
    }
    return new SurveyScale(name, answers.stream().map(a -> {
      if (a.answer() == null || a.answer().isBlank()) {
        throw new IllegalArgumentException("campaign.surveys.scales." + name + " has an answer without a name");
      }
      boolean counted = a.counted() == null || a.counted();
      if (counted && (a.weight() == null || a.weight().signum() < 0)) {
        throw new IllegalArgumentException("campaign.surveys.scales." + name + "." + a.answer()
            + " needs a weight of 0 or more points, or counted: false");
      }
      return new SurveyScale.Answer(a.answer(), counted ? a.weight() : null, counted);
    }).toList());
  }
}
