package cn.gov.county.campaign.review;

import java.time.Instant;
import java.util.List;

/**
 * What the office and the reviewing bodies read of a campaign in Cockpit's campaign view: the
 * campaign with its phases, the supervision ledger (督查台账, one row per department), the
 * campaign's timeline and the engine's operation log. Read from history when asked for.
 */
public final class CampaignReview {

  private CampaignReview() {
  }

  /** A campaign, running or finished, with its phases as planned and as they ran. */
  public record Campaign(String code, String name, String documentNumber, String state, Instant startedAt,
      Instant endedAt, String currentPhase, List<Phase> phases, int departments, String processInstanceId) {
  }

  /** One of the four phases: planned dates (from the launch form) and when it actually started and ended. */
  public record Phase(String phase, String plannedStart, String plannedEnd, Instant startedAt, Instant completedAt) {
  }

  /** A campaign with its ledger and timeline: the campaign page. */
  public record Overview(Campaign campaign, List<LedgerRow> ledger, List<TimelineEntry> timeline, Instant readAt) {
  }

  /**
   * One department's line in the supervision ledger. {@code light} is its current state:
   * {@code green} (nothing due soon, or nothing open), {@code yellow} (a task inside its warning
   * window) or {@code red} (a task overdue); {@code lightReason} says which task in Chinese.
   * {@code deadlineExtensions}: each problem whose deadline an approved extension moved, with its
   * 原定时限 and 延期后时限 and when the extension was approved. {@code currentSteps}: the unit's open
   * tasks (and the office's open tasks on the unit's work) by name; {@code mustAct}: who must act on
   * each, by name and role; {@code daysLeft}: working days to the earliest due date of the unit's
   * open tasks (0 on the day, negative when overdue, null when nothing is due), with
   * {@code daysLeftLabel} in Chinese; {@code urgings}/{@code lastUrgedAt}: the office's 催办 clicks.
   */
  public record LedgerRow(String department, String departmentName, String unitCategory, List<PhaseCell> phases,
      int returnsForRevision, List<String> escalationSteps, List<String> surveyRanks, int substantiatedComplaints,
      String finalAssessment, String light, String lightLabel, String lightReason, int openTasks,
      List<String> deadlineExtensions, List<String> currentSteps, List<String> mustAct, Integer daysLeft,
      String daysLeftLabel, int urgings, Instant lastUrgedAt) {
  }

  /** A department's phase: done when, and on time or how many working days late. */
  public record PhaseCell(String phase, Instant completedAt, int workingDaysLate, String status) {
  }

  /** Something that happened in the campaign, in order. */
  public record TimelineEntry(Instant at, String kind, String text, String department, String by) {
  }

  /**
   * One entry of the engine's user operation log for the campaign's process instances. {@code text}
   * says it in plain Chinese with names (e.g. 李明办结任务「制定工作方案」); {@code department} is
   * null for the campaign's own instance (the office's launch belongs to no unit).
   */
  public record OperationLogEntry(Instant at, String userId, String operation, String operationType,
      String entityType, String property, String orgValue, String newValue, String processDefinitionKey,
      String processInstanceId, String department, String taskId, String category, String annotation,
      String userName, String departmentName, String taskName, String text) {
  }
}
