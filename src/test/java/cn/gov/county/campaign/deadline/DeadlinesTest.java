package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DeadlinesTest {

  @TempDir
  Path directory;

  private Deadlines deadlines;

  @BeforeEach
  void setUp() {
    deadlines = new Deadlines(CalendarFixtures.calendar(directory), DeadlineProperties.defaults());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A moment in China's time zone. */
  private static Date china(String localDateTime) {
    return Date.from(OffsetDateTime.parse(localDateTime + "+08:00").toInstant());
  }

  @Test
  void aDayEndsAtMidnightAndStartsAtZeroInChina() {
    assertThat(deadlines.endOf("2026-08-20").toInstant()).isEqualTo(Instant.parse("2026-08-20T15:59:59Z"));
    assertThat(deadlines.startOf("2026-08-03").toInstant()).isEqualTo(Instant.parse("2026-08-02T16:00:00Z"));
  }

  @Test
  void workingDaysAfterEndsOnTheWorkedExample() {
    Date expected = deadlines.endOf("2026-10-12");
    assertThat(deadlines.workingDaysAfter("2026-09-21", 10)).isEqualTo(expected);
    assertThat(deadlines.workingDaysAfter(LocalDate.of(2026, 9, 21), 10)).isEqualTo(expected);
    // late on Monday evening in China is still Monday, though it is Monday afternoon in UTC
    assertThat(deadlines.workingDaysAfter(china("2026-09-21T23:30:00"), 10)).isEqualTo(expected);
    // a form's datetime field: 21 September 16:30 UTC is 22 September in China
    assertThat(deadlines.workingDaysAfter("2026-09-21T16:30+00:00", 10)).isEqualTo(deadlines.endOf("2026-10-13"));
  }

  @Test
  void aDeadlineAcrossTheNationalDayWeek() {
    // 30 September + 3 working days: 8, 9 and 10 October (a make-up Saturday)
    assertThat(deadlines.workingDaysAfter("2026-09-30", 3).toInstant())
        .isEqualTo(Instant.parse("2026-10-10T15:59:59Z"));
  }

  @Test
  void refusesWhatIsNotADate() {
    assertThatThrownBy(() -> deadlines.workingDaysAfter("30.09.2026", 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30.09.2026");
    assertThatThrownBy(() -> deadlines.workingDaysAfter(20260930, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlines.workingDaysAfter(null, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromNowUsesTheEngineClockAndTheNamedPeriodInItsUnit() {
    // given: Monday 21 September 2026, 10:00 in China
    ClockUtil.setCurrentTime(china("2026-09-21T10:00:00"));
    // then: seed 004's "10天内" for rectification measures: ten days, Thursday 1 October, is
    // National Day: the limit ends on the next working day, Thursday 8 October
    assertThat(deadlines.fromNow("rectification-measures")).isEqualTo(deadlines.endOf("2026-10-08"));
    // and: 5 working days for the office's review skip the Mid-Autumn Friday 25 September
    assertThat(deadlines.fromNow("office-review")).isEqualTo(deadlines.endOf("2026-09-29"));
    // and: models deployed before call it by its earlier name
    assertThat(deadlines.workingDaysFromNow("office-review")).isEqualTo(deadlines.endOf("2026-09-29"));
    // a limit in days that ends on a working day ends there: 10 days after Monday 7 September
    ClockUtil.setCurrentTime(china("2026-09-07T10:00:00"));
    assertThat(deadlines.fromNow("rectification-measures")).isEqualTo(deadlines.endOf("2026-09-17"));
  }

  @Test
  void hasTheDefaultPeriodsEachInItsUnitAndRefusesAnUnknownOneByName() {
    assertThat(deadlines.limits()).extractingFromEntries(e -> e.getKey() + " " + e.getValue().label()).containsExactly(
        "complaint-verification 10个工作日", "evaluation-review 10个工作日", "office-review 5个工作日", "phase-task 5个工作日",
        "rectification-measures 10天", "self-criticism 5个工作日", "supervision-feedback 5个工作日");
    assertThatThrownBy(() -> deadlines.fromNow("office-reveiw"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("office-reveiw");
  }

  @Test
  void aConfiguredPeriodOverridesItsDefaultAndKeepsTheOthers() {
    var properties = new DeadlineProperties(Map.of("office-review", "3", "survey-answer", "7d",
        "rectification-measures", "10wd"), 2, LocalTime.of(9, 0));
    var configured = new Deadlines(CalendarFixtures.calendar(directory), properties);
    assertThat(configured.limit("office-review")).isEqualTo(new TimeLimit(3, true));
    assertThat(configured.limit("survey-answer")).isEqualTo(new TimeLimit(7, false));
    assertThat(configured.limit("rectification-measures").label()).isEqualTo("10个工作日");
    assertThat(configured.limit("phase-task").label()).isEqualTo("5个工作日");
    assertThatThrownBy(() -> new DeadlineProperties(Map.of("office-review", "5 weeks"), 2, LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("campaign.deadlines.periods.office-review").hasMessageContaining("5 weeks");
  }

  @Test
  void followUpIsTheStartOfTheSecondWorkingDayBeforeTheDeadline() {
    // due Monday 12 October: Saturday 10 October is a make-up working day, then Friday 9 October
    assertThat(deadlines.followUpFor(deadlines.endOf("2026-10-12"))).isEqualTo(deadlines.startOf("2026-10-09"));
    // due Thursday 8 October: the week off lies between, so 29 September
    assertThat(deadlines.followUpFor(deadlines.endOf("2026-10-08"))).isEqualTo(deadlines.startOf("2026-09-29"));
    assertThat(deadlines.followUpFor(null)).isNull();
  }

  @Test
  void countsWorkingDaysOverdue() {
    Date due = deadlines.endOf("2026-09-30");
    assertThat(deadlines.workingDaysOverdue(due, china("2026-09-30T18:00:00"))).as("before the deadline").isZero();
    assertThat(deadlines.workingDaysOverdue(due, china("2026-10-05T10:00:00"))).as("in the holiday").isZero();
    assertThat(deadlines.workingDaysOverdue(due, china("2026-10-08T10:00:00"))).isEqualTo(1);
    assertThat(deadlines.workingDaysOverdue(due, china("2026-10-12T10:00:00"))).as("8, 9, 10, 12 October").isEqualTo(4);
    ClockUtil.setCurrentTime(china("2026-10-09T08:00:00"));
    assertThat(deadlines.workingDaysOverdue(due)).isEqualTo(2);
  }

  @Test
  void nextCheckIsNineOClockOnTheNextWorkingDay() {
    assertThat(deadlines.nextCheck(china("2026-11-04T15:00:00"))).as("Wednesday → Thursday")
        .isEqualTo(china("2026-11-05T09:00:00"));
    assertThat(deadlines.nextCheck(china("2026-11-06T15:00:00"))).as("Friday → Monday")
        .isEqualTo(china("2026-11-09T09:00:00"));
    assertThat(deadlines.nextCheck(china("2026-09-30T08:00:00"))).as("before the National Day week → 8 October")
        .isEqualTo(china("2026-10-08T09:00:00"));
    assertThat(deadlines.nextCheck(china("2026-09-18T17:00:00"))).as("Friday → make-up Sunday 20 September")
        .isEqualTo(china("2026-09-20T09:00:00"));
    assertThat(deadlines.nextCheck(china("2026-10-03T11:00:00"))).as("in the holiday → 8 October")
        .isEqualTo(china("2026-10-08T09:00:00"));
  }

  @Test
  void warnsWhenADeadlineFallsInAYearWithoutSchedule(CapturedOutput output) {
    // given: a deadline in 2027, for which no schedule is loaded
    Date due = deadlines.workingDaysAfter("2027-09-30", 3);
    assertThat(due).isEqualTo(deadlines.endOf("2027-10-05"));
    // when
    var warning = deadlines.scheduleWarning(deadlines.endOf("2026-12-01"), due, null);
    deadlines.scheduleWarning(due);
    // then
    assertThat(warning).contains("2027年的法定节假日安排尚未导入，该年的截止日期暂按周一至周五计算，"
        + "请领导小组办公室核对，并导入当年的节假日安排。");
    assertThat(output.getAll().split("no holiday schedule is loaded for 2027", -1)).as("one WARN per year").hasSize(2);
    assertThat(deadlines.scheduleWarning(deadlines.endOf("2026-12-31"))).isEmpty();
    assertThat(deadlines.scheduleWarning()).isEmpty();
    assertThat(deadlines.scheduleWarning(deadlines.endOf("2028-01-05"), deadlines.endOf("2027-01-05")))
        .hasValueSatisfying(text -> assertThat(text).startsWith("2027年、2028年的法定节假日安排尚未导入，这些年份的"));
  }
}
