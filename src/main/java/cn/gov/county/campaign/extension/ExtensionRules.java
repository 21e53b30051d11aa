package cn.gov.county.campaign.extension;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.deadline.Deadlines;
import cn.gov.county.campaign.deadline.WorkingDayCalendar;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules of the extension's forms that their schema cannot express, checked on every path into
 * the engine (form rules run in the engine guard). A department asks only for its own open problem
 * in a running campaign, before the problem's deadline has passed, for a later working day, with a
 * reason, and not while another request for the problem waits; the office refuses only with its
 * reasons and grants a working day after the current deadline and not after the one asked for.
 */
@Configuration(proxyBeanMethods = false)
class ExtensionRules {

  static final String PROBLEM_LABEL = "整改问题";
  static final String REQUESTED_LABEL = "申请延期至";
  static final String REASON_LABEL = "延期理由";
  static final String GRANTED_LABEL = "批准延期至";
  static final String OPINION_LABEL = "审批意见";

  private final ProblemRegister register;
  private final RuntimeService runtime;
  private final Deadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final ExtensionLedger ledger;

  ExtensionRules(ProblemRegister register, RuntimeService runtime, Deadlines deadlines, WorkingDayCalendar calendar,
      ExtensionLedger ledger) {
    this.register = register;
    this.runtime = runtime;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.ledger = ledger;
  }

  @Bean
  FormRule deadlineExtensionRequestRule() {
    return FormRule.bySubmitter(ExtensionModel.START_FORM, this::checkRequest);
  }

  @Bean
  FormRule deadlineExtensionReviewRule() {
    return FormRule.of(ExtensionModel.REVIEW_FORM, this::checkReview);
  }

  /** @param submitter null when the system starts it (then the department is not checked) */
  List<FieldViolation> checkRequest(Map<String, JsonNode> values, FormRule.Submitter submitter) {
    List<FieldViolation> violations = new ArrayList<>();
    String problemCode = text(values, ExtensionModel.PROBLEM_CODE);
    Optional<ProcessInstance> item = problemCode.isBlank() ? Optional.empty() : register.openItem(problemCode);
    String department = item.map(i -> (String) runtime.getVariable(i.getId(), CampaignModel.DEPARTMENT)).orElse(null);
    // one answer for "no such problem" and "another unit's": a department learns nothing of others' problems
    if (item.isEmpty() || register.campaign(item.get().getBusinessKey()).isEmpty()
        || (submitter != null && !submitter.groupIds().contains(department))) {
      violations.add(problem("「整改问题」不是本单位正在整改的问题，只能为本单位未销号的问题申请延期"));
      return violations;
    }
    String current = (String) runtime.getVariable(item.get().getId(), ProblemRegister.RECTIFICATION_DEADLINE);
    if (current == null || current.isBlank()) {
      violations.add(problem("「整改问题」尚未确定整改时限，请先办理“制定整改措施”"));
      return violations;
    }
    if (EngineInternals.currentTime().after(deadlines.endOf(current))) {
      violations.add(problem("「整改问题」的整改时限（" + current + "）已过，延期须在时限届满前申请"));
    }
    if (ledger.hasPending(problemCode)) {
      violations.add(problem("「整改问题」已有一份延期申请正在审批，办公室审批后才能再次申请"));
    }
    day(values, ExtensionModel.REQUESTED_DEADLINE).ifPresent(requested -> {
      if (!requested.isAfter(LocalDate.parse(current))) {
        violations.add(new FieldViolation(ExtensionModel.REQUESTED_DEADLINE, REQUESTED_LABEL,
            "「申请延期至」应晚于现整改时限（" + current + "）"));
      } else if (!calendar.isWorkingDay(requested)) {
        violations.add(new FieldViolation(ExtensionModel.REQUESTED_DEADLINE, REQUESTED_LABEL,
            "「申请延期至」" + requested + " 不是工作日，请选择工作日"));
      }
    });
    if (text(values, ExtensionModel.REASON).isBlank()) {
      violations.add(new FieldViolation(ExtensionModel.REASON, REASON_LABEL, "「延期理由」不能为空"));
    }
    return violations;
  }

  List<FieldViolation> checkReview(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String decision = text(values, ExtensionModel.DECISION);
    if (ExtensionModel.REFUSED.equals(decision) && text(values, ExtensionModel.OPINION).isBlank()) {
      violations.add(new FieldViolation(ExtensionModel.OPINION, OPINION_LABEL, "不同意延期时须填写「审批意见」，说明理由"));
    }
    if (!ExtensionModel.APPROVED.equals(decision)) {
      return violations;
    }
    String requested = text(values, ExtensionModel.REQUESTED_DEADLINE);
    String current = register.openItem(text(values, ExtensionModel.PROBLEM_CODE))
        .map(i -> (String) runtime.getVariable(i.getId(), ProblemRegister.RECTIFICATION_DEADLINE))
        .orElse(text(values, ExtensionModel.CURRENT_DEADLINE));
    Optional<LocalDate> granted = day(values, ExtensionModel.GRANTED_DEADLINE);
    LocalDate effective = granted.orElseGet(() -> LocalDate.parse(requested));
    String field = granted.isPresent() ? ExtensionModel.GRANTED_DEADLINE : ExtensionModel.DECISION;
    String label = granted.isPresent() ? GRANTED_LABEL : "审批结论";
    if (granted.isPresent() && granted.get().isAfter(LocalDate.parse(requested))) {
      violations.add(new FieldViolation(field, label, "「批准延期至」不能晚于申请的日期（" + requested + "）"));
    } else if (current != null && !current.isBlank() && !effective.isAfter(LocalDate.parse(current))) {
      violations.add(new FieldViolation(field, label, "「" + label + "」：延期后的时限（" + effective
          + "）应晚于现整改时限（" + current + "）"));
    } else if (granted.isPresent() && !calendar.isWorkingDay(granted.get())) {
      violations.add(new FieldViolation(field, label, "「批准延期至」" + granted.get() + " 不是工作日，请选择工作日"));
    }
    return violations;
  }

  private static FieldViolation problem(String message) {
    return new FieldViolation(ExtensionModel.PROBLEM_CODE, PROBLEM_LABEL, message);
  }

  private static String text(Map<String, JsonNode> values, String key) {
    JsonNode value = values.get(key);
    return value == null || value.isNull() ? "" : value.asText("").trim();
  }

  /** The field's date; empty when blank or not a date (the schema's check names that). */
  private static Optional<LocalDate> day(Map<String, JsonNode> values, String key) {
    String text = text(values, key);
    try {
      return text.isBlank()
          ? Optional.empty()
          : Optional.of(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
