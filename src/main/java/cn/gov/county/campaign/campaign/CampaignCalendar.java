package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.form.FieldViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The campaign's dates as the office sets them at launch, and the rules they must follow: each
 * phase ends on or after it starts and holds a working day, the four phases follow each other in
 * order, the discussion period and the self-inspection due date lie inside the campaign, the
 * discussion closes by the day the report is due (the report includes it), the report is due on a
 * working day and before the rectification phase begins (its problems go into the plans).
 */
public final class CampaignCalendar {

  /** A phase window: variable names of its start and end, and its name for messages. */
  record Window(String start, String end, String name) {
  }

  static final List<Window> PHASES = List.of(
      new Window("mobilizationStart", "mobilizationEnd", "宣传发动和自查自纠阶段"),
      new Window("researchStart", "researchEnd", "调查研究和收集意见阶段"),
      new Window("rectificationStart", "rectificationEnd", "梳理问题与限期整改阶段"),
      new Window("consolidationStart", "consolidationEnd", "总结深化与巩固提高阶段"));
  static final Window DISCUSSION = new Window("discussionStart", "discussionEnd", "大讨论");
  static final String SELF_INSPECTION_DUE = "selfInspectionDueDate";

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("mobilizationStart", "第一阶段开始日期"), Map.entry("mobilizationEnd", "第一阶段结束日期"),
      Map.entry("researchStart", "第二阶段开始日期"), Map.entry("researchEnd", "第二阶段结束日期"),
      Map.entry("rectificationStart", "第三阶段开始日期"), Map.entry("rectificationEnd", "第三阶段结束日期"),
      Map.entry("consolidationStart", "第四阶段开始日期"), Map.entry("consolidationEnd", "第四阶段结束日期"),
      Map.entry("discussionStart", "大讨论开始日期"), Map.entry("discussionEnd", "大讨论结束日期"),
      Map.entry(SELF_INSPECTION_DUE, "自查报告报送时限"));

  private CampaignCalendar() {
  }

  /**
   * @param dates variable name → "yyyy-MM-dd" (missing or malformed dates are the schema's business)
   * @param workingDay the official working-day calendar
   */
  static List<FieldViolation> check(Function<String, String> dates, Predicate<LocalDate> workingDay) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalDate previousStart = null;
    LocalDate previousEnd = null;
    for (Window phase : PHASES) {
      LocalDate start = parse(dates.apply(phase.start()));
      LocalDate end = parse(dates.apply(phase.end()));
      if (start == null || end == null) {
        return violations;
      }
      if (end.isBefore(start)) {
        violations.add(violation(phase.end(), "不能早于" + label(phase.start()) + "（" + start + "）"));
      } else if (start.datesUntil(end.plusDays(1)).noneMatch(workingDay)) {
        violations.add(violation(phase.end(), "使" + phase.name() + "（" + start + " 至 " + end
            + "）没有一个工作日，请延长该阶段"));
      }
      if (previousEnd != null && start.isBefore(previousEnd)) {
        violations.add(violation(phase.start(), "不能早于上一阶段的结束日期（" + previousEnd + "），四个阶段须依次进行"));
      }
      previousStart = start;
      previousEnd = end;
    }
    LocalDate campaignStart = parse(dates.apply(PHASES.get(0).start()));
    LocalDate campaignEnd = previousEnd;
    LocalDate discussionStart = parse(dates.apply(DISCUSSION.start()));
    LocalDate discussionEnd = parse(dates.apply(DISCUSSION.end()));
    LocalDate due = parse(dates.apply(SELF_INSPECTION_DUE));
    if (discussionStart != null && discussionEnd != null && discussionEnd.isBefore(discussionStart)) {
      violations.add(violation(DISCUSSION.end(), "不能早于" + label(DISCUSSION.start()) + "（" + discussionStart + "）"));
    }
    for (var date : List.of(Map.entry(DISCUSSION.start(), discussionStart), Map.entry(DISCUSSION.end(), discussionEnd),
        Map.entry(SELF_INSPECTION_DUE, due))) {
      if (date.getValue() != null
          && (date.getValue().isBefore(campaignStart) || date.getValue().isAfter(campaignEnd))) {
        violations.add(violation(date.getKey(), "应在活动期间内（" + campaignStart + " 至 " + campaignEnd + "）"));
      }
    }
    if (discussionEnd != null && due != null && discussionEnd.isAfter(due)) {
      violations.add(violation(DISCUSSION.end(), "不能晚于" + label(SELF_INSPECTION_DUE) + "（" + due
          + "）：大讨论的情况要写入自查报告"));
    }
    LocalDate rectificationStart = parse(dates.apply(PHASES.get(2).start()));
    if (due != null && !due.isBefore(rectificationStart)) {
      violations.add(violation(SELF_INSPECTION_DUE, "应早于" + label(PHASES.get(2).start()) + "（" + rectificationStart
          + "）：自查发现的问题要在整改阶段开始前报齐"));
    }
    if (due != null && !workingDay.test(due)) {
      violations.add(violation(SELF_INSPECTION_DUE, "（" + due + "）是休息日（周末或法定节假日），请定在工作日"));
    }
    return violations;
  }

  private static FieldViolation violation(String field, String rule) {
    return new FieldViolation(field, label(field), "「" + label(field) + "」" + rule);
  }

  static String label(String field) {
    return LABELS.getOrDefault(field, field);
  }

  private static LocalDate parse(String date) {
    try {
      return date == null || date.isBlank() ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
