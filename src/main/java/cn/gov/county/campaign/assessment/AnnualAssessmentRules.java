package cn.gov.county.campaign.assessment;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A year is assessed once, and not before it has begun; the office decides on accountability when a
 * unit is listed for it (the confirmation box is required by the form itself).
 */
@Configuration(proxyBeanMethods = false)
class AnnualAssessmentRules {

  private final AnnualAssessments assessments;

  AnnualAssessmentRules(AnnualAssessments assessments) {
    this.assessments = assessments;
  }

  @Bean
  FormRule annualAssessmentStartRule() {
    return FormRule.of("AnnualAssessmentStartForm", values -> {
      JsonNode year = values.get("assessmentYear");
      int thisYear = EngineInternals.today().toInstant().atZone(CampaignDates.CHINA).getYear();
      if (year == null || !year.isNumber() || year.asInt() > thisYear) {
        return List.of(new FieldViolation("assessmentYear", "考核年度", "「考核年度」不能晚于" + thisYear + "年"));
      }
      if (!assessments.published(year.asInt()).isEmpty()) {
        return List.of(new FieldViolation("assessmentYear", "考核年度", "「考核年度」" + year.asInt() + "年度的考核评比结果已经通报"));
      }
      return List.of();
    });
  }

  @Bean
  FormRule annualAssessmentConfirmRule() {
    return FormRule.of("AnnualAssessmentConfirmForm", values -> {
      JsonNode accountable = values.get("accountableUnits");
      JsonNode decision = values.get("accountabilityDecision");
      if (accountable != null && !"无".equals(accountable.asText()) && (decision == null || decision.asText("").isBlank())) {
        return List.of(new FieldViolation("accountabilityDecision", "问责处理决定",
            "有单位列入问责（" + accountable.asText() + "），请填写「问责处理决定」"));
      }
      return List.of();
    });
  }
}
