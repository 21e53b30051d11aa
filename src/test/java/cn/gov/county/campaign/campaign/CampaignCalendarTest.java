package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.form.FieldViolation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

  /** Monday to Friday, and the National Day week of 2027 (1–7 October) off. */
  static final Predicate<LocalDate> WORKING_DAY = day -> day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
      && (day.isBefore(LocalDate.of(2027, 10, 1)) || day.isAfter(LocalDate.of(2027, 10, 7)));

  /** Seed 001's campaign: early August to the end of September, report due 20 August. */
  static Map<String, String> seed001Dates() {
    Map<String, String> dates = new HashMap<>();
    dates.put("mobilizationStart", "2027-08-02");
    dates.put("mobilizationEnd", "2027-08-12");
    dates.put("discussionStart", "2027-08-03");
    dates.put("discussionEnd", "2027-08-12");
    dates.put("selfInspectionDueDate", "2027-08-20");
    dates.put("researchStart", "2027-08-13");
    dates.put("researchEnd", "2027-08-27");
    dates.put("rectificationStart", "2027-08-30");
    dates.put("rectificationEnd", "2027-09-10");
    dates.put("consolidationStart", "2027-09-13");
    dates.put("consolidationEnd", "2027-09-30");
    return dates;
  }

  @Test
  void acceptsPhasesInOrderWithTheDiscussionAndReportInside() {
    assertThat(CampaignCalendar.check(seed001Dates()::get, WORKING_DAY)).isEmpty();
  }

  @Test
  void namesThePhaseThatEndsBeforeItStartsOrOverlapsTheOneBefore() {
    // given
    Map<String, String> dates = seed001Dates();
    dates.put("researchEnd", "2027-08-10"); // before research starts
    dates.put("consolidationStart", "2027-09-01"); // before rectification ends
    // when
    var messages = CampaignCalendar.check(dates::get, WORKING_DAY).stream().map(FieldViolation::message).toList();
    // then
    assertThat(messages).containsExactly(
        "「第二阶段结束日期」不能早于第二阶段开始日期（2027-08-13）",
        "「第四阶段开始日期」不能早于上一阶段的结束日期（2027-09-10），四个阶段须依次进行");
  }

  @Test
  void keepsTheDiscussionPeriodAndReportDueDateInsideTheCampaign() {
    // given
    Map<String, String> dates = seed001Dates();
    dates.put("discussionStart", "2027-07-20");
    dates.put("discussionEnd", "2027-07-15");
    dates.put("selfInspectionDueDate", "2027-10-08");
    // when
    var violations = CampaignCalendar.check(dates::get, WORKING_DAY);
    // then
    assertThat(violations).extracting(FieldViolation::field)
        .containsExactly("discussionEnd", "discussionStart", "discussionEnd", "selfInspectionDueDate",
            "selfInspectionDueDate");
    assertThat(violations.get(3).message()).isEqualTo("「自查报告报送时限」应在活动期间内（2027-08-02 至 2027-09-30）");
    assertThat(violations.get(4).message()).startsWith("「自查报告报送时限」应早于第三阶段开始日期（2027-08-30）");
  }

  @Test
  void refusesWhatTheCalendarMakesImpossible_namingTheField() {
    // given: the discussion runs past the report's due date, which falls on a Sunday
    Map<String, String> dates = seed001Dates();
    dates.put("discussionEnd", "2027-08-25");
    dates.put("selfInspectionDueDate", "2027-08-22");
    // when
    var messages = CampaignCalendar.check(dates::get, WORKING_DAY).stream().map(FieldViolation::message).toList();
    // then
    assertThat(messages).containsExactly(
        "「大讨论结束日期」不能晚于自查报告报送时限（2027-08-22）：大讨论的情况要写入自查报告",
        "「自查报告报送时限」（2027-08-22）是休息日（周末或法定节假日），请定在工作日");
  }

  @Test
  void refusesAPhaseWithoutAWorkingDay() {
    // given: a consolidation phase inside the National Day week
    Map<String, String> dates = seed001Dates();
    dates.put("consolidationStart", "2027-10-01");
    dates.put("consolidationEnd", "2027-10-07");
    // when
    var violations = CampaignCalendar.check(dates::get, WORKING_DAY);
    // then
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("consolidationEnd");
      assertThat(v.message()).isEqualTo("「第四阶段结束日期」使总结深化与巩固提高阶段（2027-10-01 至 2027-10-07）没有一个工作日，请延长该阶段");
    });
  }
}
