package cn.gov.county.campaign.supervision;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules of the supervision case's forms that their schema cannot express: a case concerns a
 * unit taking part in a running campaign and a check names who checked, when and how; a measure
 * is decided only by a body with the authority for it ({@link SupervisionAuthority}) and carries
 * what the measure needs (a time limit, the medium and date, the year).
 */
@Configuration(proxyBeanMethods = false)
class SupervisionRules {

  private final ProblemRegister register;
  private final SupervisionAuthority authority;

  SupervisionRules(ProblemRegister register, SupervisionAuthority authority) {
    this.register = register;
    this.authority = authority;
  }

  @Bean
  FormRule supervisionCaseRule() {
    return FormRule.of(SupervisionModel.CASE_FORM, this::checkCase);
  }

  @Bean
  FormRule supervisionDecisionRule() {
    return FormRule.bySubmitter(SupervisionModel.DECISION_FORM, this::checkDecision);
  }

  List<FieldViolation> checkCase(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = text(values, SupervisionModel.CAMPAIGN_CODE);
    String department = text(values, SupervisionModel.DEPARTMENT);
    if (register.campaign(code).isEmpty()) {
      violations.add(new FieldViolation(SupervisionModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 不是正在进行的整改活动"));
    } else if (!register.participatingDepartments(code).contains(department)) {
      violations.add(new FieldViolation(SupervisionModel.DEPARTMENT, "被督查单位", "「被督查单位」未参加活动 " + code));
    }
    if ("spotCheck".equals(text(values, SupervisionModel.FINDING_SOURCE))) {
      require(values, "checkedBy", "检查人员", violations);
      require(values, "checkMode", "检查方式", violations);
      String checkedOn = text(values, "checkedOn");
      if (checkedOn.isBlank()) {
        violations.add(new FieldViolation("checkedOn", "检查日期", "明查暗访须填写「检查日期」"));
      } else if (day(checkedOn).map(d -> d.isAfter(today())).orElse(false)) {
        violations.add(new FieldViolation("checkedOn", "检查日期", "「检查日期」不能晚于今天"));
      }
    }
    return violations;
  }

  /** @param submitter who decides; null when the system completes the task (the issuing step checks again) */
  List<FieldViolation> checkDecision(Map<String, JsonNode> values, FormRule.Submitter submitter) {
    List<FieldViolation> violations = new ArrayList<>();
    Optional<SupervisionMeasure> measure = SupervisionMeasure.of(text(values, SupervisionModel.MEASURE));
    if (measure.isEmpty()) {
      violations.add(new FieldViolation(SupervisionModel.MEASURE, "处理措施", "请选择「处理措施」"));
      return violations;
    }
    if (submitter != null) {
      SupervisionAuthority.Decision decision = authority.decide(measure.get(), submitter.groupIds(),
          text(values, SupervisionModel.DEPARTMENT));
      if (decision.refusal() != null) {
        violations.add(new FieldViolation(SupervisionModel.MEASURE, "处理措施", decision.refusal()));
      }
    }
    switch (measure.get()) {
      case RECTIFICATION_NOTICE -> {
        JsonNode days = values.get("rectificationDays");
        if (days == null || !days.isNumber() || days.asInt() < 1 || days.asInt() > 90) {
          violations.add(new FieldViolation("rectificationDays", "整改期限（天）", "限期整改须填写「整改期限（天）」，1 至 90 天"));
        }
      }
      case MEDIA_EXPOSURE -> {
        require(values, "mediaName", "曝光媒体", violations);
        require(values, "mediaDate", "曝光日期", violations);
      }
      case AWARD_DISQUALIFICATION -> {
        JsonNode year = values.get("assessmentYear");
        int thisYear = today().getYear();
        if (year == null || !year.isNumber() || year.asInt() < thisYear - 1 || year.asInt() > thisYear + 1) {
          violations.add(new FieldViolation("assessmentYear", "取消评优年度",
              "「取消评优年度」须是 " + (thisYear - 1) + " 至 " + (thisYear + 1) + " 年之一"));
        }
      }
      default -> {
      }
    }
    return violations;
  }

  private static void require(Map<String, JsonNode> values, String key, String label, List<FieldViolation> violations) {
    if (text(values, key).isBlank()) {
      violations.add(new FieldViolation(key, label, "请填写「" + label + "」"));
    }
  }

  private static String text(Map<String, JsonNode> values, String key) {
    JsonNode value = values.get(key);
    return value == null || value.isNull() ? "" : value.asText("").strip();
  }

  private static Optional<LocalDate> day(String text) {
    try {
      return Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static LocalDate today() {
    return EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate();
  }

}
