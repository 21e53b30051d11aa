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
      int thisYear = EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).getYear();
      if (year == null || !year.isNumber() || year.asInt() > thisYear) {
        return List.of(new FieldViolation("assessmentYear", "考核年度", "「考核年度」不能晚于" + thisYear + "年"));
      }
      if (!assessments.published(year.asInt()).isEmpty()) {
        return List.of(new FieldViolation("assessmentYear", "考核年度", "「考核年度」" + year.asInt() + "年度的考核评比结果已经通报"));
      }
      return List.of();
    });
  }

  /** Every unit gets a performance score from 0 to 100, and only the units drafted (the list is the server's). */
  @Bean
  FormRule annualPerformanceRule() {
    return FormRule.of("AnnualPerformanceForm", values -> {
      java.util.Set<String> drafted = new java.util.TreeSet<>();
      values.getOrDefault(AnnualAssessments.DRAFT, com.fasterxml.jackson.databind.node.MissingNode.getInstance())
          .forEach(r -> drafted.add(r.path("department").asText()));
      java.util.Set<String> scored = new java.util.TreeSet<>();
      java.util.List<FieldViolation> violations = new java.util.ArrayList<>();
      int row = 1;
      for (JsonNode line : values.getOrDefault(AnnualAssessments.PERFORMANCE,
          com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
        JsonNode score = line.get("performanceScore");
        if (score == null || !score.isNumber() || score.asInt() < 0 || score.asInt() > 100) {
          violations.add(new FieldViolation(AnnualAssessments.PERFORMANCE, "实绩评分",
              "「实绩评分」第 " + row + " 行（" + line.path("departmentName").asText() + "）须是 0 至 100 分"));
        }
        scored.add(line.path("department").asText());
        row++;
      }
      if (violations.isEmpty() && !scored.equals(drafted)) {
        violations.add(new FieldViolation(AnnualAssessments.PERFORMANCE, "实绩评分", "「实绩评分」须为每个参评单位各评一次分，不能增删单位"));
      }
      return violations;
    });
  }

  @Bean
  FormRule annualAssessmentConfirmRule() {
    return FormRule.of("AnnualAssessmentConfirmForm", values -> {
      JsonNode accountable = values.get("accountableUnits");
      JsonNode decision = values.get("accountabilityDecision");
      if (accountable != null && !"无".equals(accountable.asText())
          && (decision == null || decision.asText("").isBlank())) {
        return List.of(new FieldViolation("accountabilityDecision", "问责处理决定",
            "有单位列入问责（" + accountable.asText() + "），请填写「问责处理决定」"));
      }
      return List.of();
    });
  }
}
