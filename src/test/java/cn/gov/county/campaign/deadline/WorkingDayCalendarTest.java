package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2026 schedule as shipped: {@code /work/shared/data/cn-holidays-2026.md}. */
class WorkingDayCalendarTest {

  @TempDir
  Path directory;

  private WorkingDayCalendar calendar;

  @BeforeEach
  void setUp() {
    calendar = CalendarFixtures.calendar(directory);
  }

  @Test
  void tenWorkingDaysAfterMonday21SeptemberIsMonday12October() {
    // Sep 22-24, Sep 28-30, Oct 8, Oct 9, Oct 10 (make-up Saturday), Oct 12
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 21), 10)).isEqualTo(LocalDate.of(2026, 10, 12));
  }

  @Test
  void zeroWorkingDaysIsTheDayItself() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
  }

  @Test
  void refusesANegativeNumberOfWorkingDays() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 10, 3), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
  void makeUpSaturdaysAndSundaysAreWorkingDays(String day) {
    assertThat(LocalDate.parse(day).getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6);
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-20", "2026-02-23", "2026-04-06",
      "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02",
      "2026-10-05", "2026-10-06", "2026-10-07"})
  void daysOffOnWeekdaysAreNotWorkingDays(String day) {
    assertThat(LocalDate.parse(day).getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isFalse();
  }

  @Test
  void ordinaryWeekdaysWorkAndWeekendsRest() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 6))).as("Friday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 7))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 8))).as("Sunday").isFalse();
  }

  @Test
  void aDeadlineAcrossTheNationalDayWeekSkipsItAndCountsTheMakeUpSaturday() {
    // Wednesday 30 September: 1 Oct to 7 Oct off, then Thu 8, Fri 9, Sat 10 (make-up)
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
  }

  @Test
  void countsWorkingDaysAfterOneDayUpToAndIncludingAnother() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 12))).isEqualTo(10);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12))).isZero();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 1))).isZero();
  }

  @Test
  void subtractsWorkingDaysOverTheMakeUpSaturday() {
    assertThat(calendar.subtractWorkingDays(LocalDate.of(2026, 10, 12), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
    assertThat(calendar.subtractWorkingDays(LocalDate.of(2026, 10, 8), 1)).isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void aYearWithoutScheduleCountsMondayToFridayOnly() {
    assertThat(calendar.years()).containsExactly(2026);
    assertThat(calendar.hasSchedule(2026)).isTrue();
    assertThat(calendar.hasSchedule(2027)).isFalse();
    // 1 October 2027 is a Friday; without a schedule it is a working day
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
    assertThat(calendar.addWorkingDays(LocalDate.of(2027, 9, 30), 3)).isEqualTo(LocalDate.of(2027, 10, 5));
  }

  @Test
  void aDeadlineFromDecember2026RunsIntoJanuary2027OnWeekdays() {
    // Thursday 31 December 2026: Fri 1 Jan 2027 counts (no 2027 schedule), then Mon 4 Jan
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 2)).isEqualTo(LocalDate.of(2027, 1, 4));
  }
}
