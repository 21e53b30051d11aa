package cn.gov.county.campaign.record;

import cn.gov.county.campaign.complaint.ComplaintRecord;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.supervision.SupervisionMeasures;
import cn.gov.county.campaign.evaluation.EvaluationRecord;
import java.time.Instant;
import java.util.List;

/**
 * One department's record in one campaign, as the office and auditors read it. Every part is read
 * from the process data and history when asked for; nothing here is kept by hand.
 */
public record DepartmentRecord(String campaignCode, String campaignName, boolean campaignRunning, String department,
    String departmentName, String unitCategory, List<Phase> phases, List<Deadline> deadlines,
    List<EscalationLedger.Step> escalationSteps, List<SupervisionMeasures.Measure> supervisionMeasures,
    List<SurveyResult> surveys, List<ComplaintRecord> complaints,
    List<Problem> problems, Commitments commitments, Assessment finalAssessment,
    List<EvaluationRecord> democraticEvaluations) {

  /**
   * The record as the department itself reads it: without the democratic evaluation of its own
   * leaders (votes and the organization department's decision are for the working bodies only).
   */
  public DepartmentRecord forTheDepartment() {
    return new DepartmentRecord(campaignCode, campaignName, campaignRunning, department, departmentName, unitCategory,
        phases, deadlines, escalationSteps, supervisionMeasures, surveys, complaints, problems, commitments,
        finalAssessment, null);
  }

  /** A phase's department process: when it started and was done. */
  public record Phase(String phase, String processDefinitionKey, Instant startedAt, Instant completedAt) {
  }

  /**
   * A task the department had to do: due when, done when and by whom, and how many working days
   * late ({@code workingDaysLate} 0 = on time; for an open task, how late it is today). A problem's
   * task whose due date an approved extension moved keeps its first due date as {@code originalDue}
   * (原定时限, else null) and {@code originalWorkingDaysLate} counts against it (the year-end
   * assessment does); otherwise it equals {@code workingDaysLate}.
   */
  public record Deadline(String task, String process, String processDefinitionKey, Instant due, Instant completedAt,
      String completedBy, int workingDaysLate, String status, Instant originalDue, int originalWorkingDaysLate) {
  }

  /** The department's line of one survey round. */
  public record SurveyResult(int round, String roundName, String surveyDate, String score, int rank, int categorySize,
      int rankFromBottom, String position, String consequence, String officeDecision) {
  }

  /**
   * A problem on the department's list and whether it was closed (销号), with its deadline
   * ({@code deadline}, yyyy-MM-dd, null before its measure is set); after an approved extension
   * {@code originalDeadline} is the deadline before the first extension (原定时限) and
   * {@code deadline} the extended one (延期后时限), approved on {@code extendedOn}; both null otherwise.
   */
  public record Problem(String problemCode, String source, String description, Instant registeredAt, boolean closed,
      Instant closedAt, String deadline, String originalDeadline, String extendedOn) {
  }

  /** The unit head's commitment, the staff's, the public commitments after a survey, and their review. */
  public record Commitments(String unitCommitment, Instant signedAt, int staffCommitments,
      List<Instant> publicCommitmentsMadeAt, String fulfilmentReview) {
  }

  /** The office's final assessment (评定整改成效). */
  public record Assessment(String grade, String remarks, String assessedBy, Instant assessedAt) {
  }
}
