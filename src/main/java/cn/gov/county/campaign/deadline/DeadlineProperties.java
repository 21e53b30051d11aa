package cn.gov.county.campaign.deadline;

import java.time.LocalTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code campaign.deadlines}: the time limits of the campaign in working days.
 *
 * @param periods            time limit name → working days; a name set here overrides its default,
 *                           a new name adds a time limit (see {@link #DEFAULT_PERIODS})
 * @param warningWorkingDays how many working days before a deadline a task turns yellow in
 *                           Tasklist (its follow-up date)
 * @param checkTime          China time of day at which overdue work is checked again
 */
@ConfigurationProperties(prefix = "campaign.deadlines")
record DeadlineProperties(Map<String, Integer> periods, @DefaultValue("2") int warningWorkingDays,
    @DefaultValue("09:00") LocalTime checkTime) {

  /**
   * office-review: the office reviews a report; rectification-measures: a unit proposes its
   * rectification measures after a survey (seed 004: 10 days); supervision-feedback: a unit
   * answers a supervision notice; self-criticism: a unit head's written self-criticism;
   * phase-task: a department's task inside a phase; complaint-verification: discipline inspection
   * verifies a complaint; evaluation-review: the organization department decides on a leader
   * flagged by the democratic evaluation.
   */
  static final Map<String, Integer> DEFAULT_PERIODS = Map.of(
      "office-review", 5,
      "rectification-measures", 10,
      "supervision-feedback", 5,
      "self-criticism", 5,
      "phase-task", 5,
      "complaint-verification", 10,
      "evaluation-review", 10);

  DeadlineProperties {
    Map<String, Integer> merged = new TreeMap<>(DEFAULT_PERIODS);
    if (periods != null) {
      merged.putAll(periods);
    }
    merged.forEach((name, days) -> {
      if (days == null || days < 0) {
        throw new IllegalArgumentException("campaign.deadlines.periods." + name + " must be 0 or more working days, is " + days);
      }
    });
    if (warningWorkingDays < 0) {
      throw new IllegalArgumentException("campaign.deadlines.warning-working-days must not be negative: " + warningWorkingDays);
    }
    periods = Collections.unmodifiableMap(merged);
    Objects.requireNonNull(checkTime, "campaign.deadlines.check-time is not set");
  }

  /** The defaults, as if nothing were configured. */
  static DeadlineProperties defaults() {
    return new DeadlineProperties(null, 2, LocalTime.of(9, 0));
  }
}
