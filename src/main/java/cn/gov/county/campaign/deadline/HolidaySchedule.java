package cn.gov.county.campaign.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * One year's official schedule of public holidays (法定节假日安排), as the State Council publishes
 * it each November: the days off of every holiday and the Saturdays or Sundays worked instead
 * (调休上班). Days off and make-up days may lie just outside {@code year} (元旦 can start on
 * 30 December).
 *
 * @param year     the year the notice is for
 * @param source   the notice the dates come from
 * @param holidays in the order of the notice
 */
public record HolidaySchedule(int year, String source, List<Holiday> holidays) {

  public HolidaySchedule {
    holidays = List.copyOf(holidays);
  }

  /**
   * @param name              the holiday's Chinese name, e.g. 国庆节
   * @param from              first day off
   * @param to                last day off (included)
   * @param makeUpWorkingDays weekend days that are working days because of this holiday
   */
  public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {

    public Holiday {
      makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    }

    Stream<LocalDate> daysOff() {
      return from.datesUntil(to.plusDays(1));
    }
  }
}
