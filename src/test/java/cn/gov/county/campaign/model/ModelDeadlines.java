package cn.gov.county.campaign.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The {@code deadlines} bean of the models, without the working-day calendar: a day's end is
 * 23:59:59 China time, its start 00:00, and every time limit ({@code fromNow(period)}) ends
 * {@link #LIMIT_DAYS} calendar days after the engine's today. Calendar rules are tested in
 * deadline/; model tests check which deadline a task gets.
 */
public class ModelDeadlines {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  public static final int LIMIT_DAYS = 5;

  public Date endOf(Object day) {
    return Date.from(day(day).atTime(LocalTime.of(23, 59, 59)).atZone(CHINA).toInstant());
  }

  public Date startOf(Object day) {
    return Date.from(day(day).atStartOfDay(CHINA).toInstant());
  }

  public Date fromNow(String period) {
    return endOf(today().plusDays(LIMIT_DAYS));
  }

  public Date workingDaysFromNow(String period) {
    return fromNow(period);
  }

  public Date workingDaysAfter(Object start, int n) {
    return endOf(day(start).plusDays(n));
  }

  public Date followUpFor(Date due) {
    return due == null ? null : startOf(day(due).minusDays(2));
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(CHINA).toLocalDate();
  }

  private static LocalDate day(Object day) {
    if (day instanceof Date date) {
      return date.toInstant().atZone(CHINA).toLocalDate();
    }
    if (day instanceof LocalDate date) {
      return date;
    }
    String text = day.toString();
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
