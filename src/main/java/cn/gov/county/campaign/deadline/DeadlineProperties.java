package cn.gov.county.campaign.deadline;

import java.time.LocalTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code campaign.deadlines}: the campaign's time limits.
 *
 * @param periods            time limit name → {@code 5wd} (working days; a plain {@code 5} too) or
 *                           {@code 10d} (days); a name set here overrides its default, a new name
 *                           adds a time limit (see {@link #DEFAULT_PERIODS})
 * @param warningWorkingDays how many working days before a deadline a task turns yellow in
 *                           Tasklist (its follow-up date)
 * @param checkTime          China time of day at which overdue work is checked again
 */
@ConfigurationProperties(prefix = "campaign.deadlines")
record DeadlineProperties(Map<String, String> periods, @DefaultValue("2") int warningWorkingDays,
    @DefaultValue("09:00") LocalTime checkTime) {

  /**
   * The seeds' wording decides where they say: rectification-measures, a unit proposes its
   * rectification measures (seed 004: "10天内", ten days). The rest are this product's conventions,
   * in working days as administrative time limits usually are: office-review, the office reviews a
   * report; supervision-feedback, a unit answers a supervision notice; self-criticism, a unit
   * head's written self-criticism; phase-task, a body's task inside a phase;
   * complaint-verification, discipline inspection verifies a complaint; evaluation-review, the
   * organization department decides on a leader flagged by the democratic evaluation.
   */
  static final Map<String, String> DEFAULT_PERIODS = Map.of(
      "office-review", "5wd",
      "rectification-measures", "10d",
      "supervision-feedback", "5wd",
      "self-criticism", "5wd",
      "phase-task", "5wd",
      "complaint-verification", "10wd",
      "evaluation-review", "10wd");

  DeadlineProperties {
    Map<String, String> merged = new TreeMap<>(DEFAULT_PERIODS);
    if (periods != null) {
      merged.putAll(periods);
    }
    merged.forEach(TimeLimit::parse);
    if (warningWorkingDays < 0) {
      throw new IllegalArgumentException(
          "campaign.deadlines.warning-working-days must not be negative: " + warningWorkingDays);
    }
    periods = Collections.unmodifiableMap(merged);
    Objects.requireNonNull(checkTime, "campaign.deadlines.check-time is not set");
  }

  /** The time limits by name. */
  Map<String, TimeLimit> limits() {
    Map<String, TimeLimit> limits = new TreeMap<>();
    periods.forEach((name, text) -> limits.put(name, TimeLimit.parse(name, text)));
    return limits;
  }

  /** The defaults, as if nothing were configured. */
  static DeadlineProperties defaults() {
    return new DeadlineProperties(null, 2, LocalTime.of(9, 0));
  }
}
