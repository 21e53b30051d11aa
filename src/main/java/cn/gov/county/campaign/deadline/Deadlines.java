package cn.gov.county.campaign.deadline;

import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deadlines for the models, on China's working-day calendar and in China's time zone, e.g.
 * {@code camunda:dueDate="${deadlines.endOf(selfInspectionDueDate)}"},
 * {@code camunda:dueDate="${deadlines.fromNow('rectification-measures')}"},
 * {@code camunda:followUpDate="${deadlines.followUpFor(deadlines.endOf(selfInspectionDueDate))}"}.
 * A deadline is the end (23:59:59) of its day; "now" is the engine's clock, so tests that move
 * the clock move the deadlines.
 */
@Component("deadlines")
public class Deadlines {

  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties properties;
  private final Map<String, TimeLimit> limits;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  Deadlines(WorkingDayCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
    this.limits = properties.limits();
  }

  /** "2026-08-20" → 2026-08-20 23:59:59 China time. */
  public Date endOf(String day) {
    return endOf(LocalDate.parse(day));
  }

  /** "2026-08-03" → 2026-08-03 00:00 China time. */
  public Date startOf(String day) {
    return startOf(LocalDate.parse(day));
  }

  /**
   * The end of the {@code n}-th working day after {@code start}'s day in China.
   *
   * @param start a {@link Date}, a {@link LocalDate}, or a String "yyyy-MM-dd" (a date and time
   *              with offset, as a form's datetime field sends it, is taken on its day in China)
   */
  public Date workingDaysAfter(Object start, int n) {
    return endOf(calendar.addWorkingDays(chinaDay(start), n));
  }

  /**
   * The end of the day the time limit {@code period} from today ends on: the n-th working day
   * after today, or for a limit in days the n-th day after today, the next working day if that is
   * a day off.
   */
  public Date fromNow(String period) {
    TimeLimit limit = limit(period);
    LocalDate today = chinaDay(now());
    if (limit.workingDays()) {
      return endOf(calendar.addWorkingDays(today, limit.amount()));
    }
    LocalDate last = today.plusDays(limit.amount());
    while (!calendar.isWorkingDay(last)) {
      last = last.plusDays(1);
    }
    return endOf(last);
  }

  /** {@link #fromNow(String)} under its earlier name, which models deployed before still use. */
  public Date workingDaysFromNow(String period) {
    return fromNow(period);
  }

  /** A time limit, {@code campaign.deadlines.periods.<name>}. */
  public TimeLimit limit(String name) {
    TimeLimit limit = limits.get(name);
    if (limit == null) {
      throw new IllegalArgumentException("Unknown deadline period '" + name + "' (campaign.deadlines.periods."
          + name + " is not set); known periods: " + String.join(", ", limits.keySet()));
    }
    return limit;
  }

  /** Every time limit by name, for the documented list (docs/configuration.md) and the office. */
  public Map<String, TimeLimit> limits() {
    return limits;
  }

  /**
   * The start of the working day {@code campaign.deadlines.warning-working-days} working days
   * before {@code due}'s day: from then on Tasklist shows the task as due soon. Null for null.
   */
  public Date followUpFor(Date due) {
    if (due == null) {
      return null;
    }
    return startOf(calendar.subtractWorkingDays(chinaDay(due), properties.warningWorkingDays()));
  }

  /** 0 while {@code now} is not after {@code due}; else the working days after due's day up to now's day. */
  public int workingDaysOverdue(Date due, Date now) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(now, "now");
    if (!now.after(due)) {
      return 0;
    }
    return calendar.workingDaysBetween(chinaDay(due), chinaDay(now));
  }

  /** {@link #workingDaysOverdue(Date, Date)} as of the engine's clock. */
  public int workingDaysOverdue(Date due) {
    return workingDaysOverdue(due, now());
  }

  /** {@code campaign.deadlines.check-time} (China time) on the next working day after {@code now}'s day. */
  public Date nextCheck(Date now) {
    LocalDate day = calendar.addWorkingDays(chinaDay(now), 1);
    return Date.from(day.atTime(properties.checkTime()).atZone(CampaignDates.CHINA).toInstant());
  }

  /**
   * A warning for the office when a date falls in a year whose holiday schedule is not loaded (its
   * deadlines then count Monday to Friday only); empty when every year is covered. Logs a WARN
   * once per year.
   */
  public Optional<String> scheduleWarning(Date... dates) {
    SortedSet<Integer> missing = Arrays.stream(dates == null ? new Date[0] : dates)
        .filter(Objects::nonNull)
        .map(date -> chinaDay(date).getYear())
        .filter(year -> !calendar.hasSchedule(year))
        .collect(Collectors.toCollection(TreeSet::new));
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    for (Integer year : missing) {
      if (warnedYears.add(year)) {
        LOG.warn("{}年的法定节假日安排尚未导入，截止日期暂按周一至周五计算 / no holiday schedule is loaded for {}: "
            + "deadlines in {} count Monday to Friday only until it is imported", year, year, year);
      }
    }
    String years = missing.stream().map(year -> year + "年").collect(Collectors.joining("、"));
    String which = missing.size() == 1 ? "该年" : "这些年份";
    return Optional.of(years + "的法定节假日安排尚未导入，" + which + "的截止日期暂按周一至周五计算，"
        + "请领导小组办公室核对，并导入当年的节假日安排。");
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(CampaignDates.CHINA).toInstant());
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(CampaignDates.CHINA).toInstant());
  }

  private static LocalDate chinaDay(Object value) {
    if (value instanceof Date date) {
      return Instant.ofEpochMilli(date.getTime()).atZone(CampaignDates.CHINA).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof String text) {
      try {
        return text.length() == 10
            ? LocalDate.parse(text)
            : OffsetDateTime.parse(text).atZoneSameInstant(CampaignDates.CHINA).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Not a date (yyyy-MM-dd): '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException(
        "Not a date: " + value + (value == null ? "" : " (" + value.getClass().getName() + ")"));
  }

  /** The engine's clock (tests set it). */
  private static Date now() {
    return EngineInternals.currentTime();
  }
}
