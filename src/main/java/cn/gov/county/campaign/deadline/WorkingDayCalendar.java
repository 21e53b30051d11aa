package cn.gov.county.campaign.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * China's working days (工作日): Monday to Friday, minus the days off of the official holiday
 * schedule, plus its make-up working days (调休上班). A year without a loaded schedule counts
 * Monday to Friday only; {@link #hasSchedule} tells which years are covered. Schedules come from
 * {@link HolidayScheduleStore}, so a schedule the office adds is used at once.
 */
@Component
public class WorkingDayCalendar {

  private final HolidayScheduleStore store;

  WorkingDayCalendar(HolidayScheduleStore store) {
    this.store = store;
  }

  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(store.current(), day);
  }

  /** Whether the official schedule of {@code year} is loaded. */
  public boolean hasSchedule(int year) {
    return store.current().years().containsKey(year);
  }

  /** The years whose schedule is loaded. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(store.current().years().keySet()));
  }

  /**
   * The {@code n}-th working day after {@code from}, counting from the next day: 10 working days
   * after Monday 2026-09-21 is Monday 2026-10-12. {@code n = 0} returns {@code from} itself.
   */
  public LocalDate addWorkingDays(LocalDate from, int n) {
    return walk(from, n, 1);
  }

  /**
   * The {@code n}-th working day before {@code day}: 2 working days before Monday 2026-10-12 is
   * Friday 2026-10-09 (Saturday 10-10 is a make-up working day). {@code n = 0} returns {@code day}.
   */
  public LocalDate subtractWorkingDays(LocalDate day, int n) {
    return walk(day, n, -1);
  }

  /**
   * The working days d with {@code afterDay < d <= upToAndIncluding}; 0 when
   * {@code upToAndIncluding} is not after {@code afterDay}.
   */
  public int workingDaysBetween(LocalDate afterDay, LocalDate upToAndIncluding) {
    HolidayScheduleStore.Snapshot snapshot = store.current();
    int count = 0;
    for (LocalDate day = afterDay.plusDays(1); !day.isAfter(upToAndIncluding); day = day.plusDays(1)) {
      if (isWorkingDay(snapshot, day)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isWorkingDay(HolidayScheduleStore.Snapshot snapshot, LocalDate day) {
    if (snapshot.makeUpWorkingDays().contains(day)) {
      return true;
    }
    if (snapshot.daysOff().contains(day)) {
      return false;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** Steps day by day ({@code step} 1 or -1) until {@code n} working days are passed. */
  private LocalDate walk(LocalDate from, int n, int step) {
    if (n < 0) {
      throw new IllegalArgumentException("The number of working days must not be negative: " + n);
    }
    HolidayScheduleStore.Snapshot snapshot = store.current();
    LocalDate day = from;
    for (int counted = 0; counted < n;) {
      day = day.plusDays(step);
      if (isWorkingDay(snapshot, day)) {
        counted++;
      }
    }
    return day;
  }
}
