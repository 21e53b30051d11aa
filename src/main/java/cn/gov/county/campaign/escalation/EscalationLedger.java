package cn.gov.county.campaign.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which overdue tasks started a ladder and which steps each ladder took, per department and
 * campaign (tables in db/migration/V1__campaign_tables.sql). Written in the engine's transaction, so a step
 * is recorded exactly when its notice is issued.
 */
@Repository
public class EscalationLedger {

  /** A ladder started for one overdue task. */
  public record Escalation(String taskId, String campaignCode, String department, String taskName, Instant dueDate,
      String processInstanceId, Instant startedAt, Instant deliveredAt) {
  }

  /** One step a ladder took (or a step the issuing body stopped). */
  public record Step(String taskId, String campaignCode, String department, String step, String stepLabel,
      int workingDaysOverdue, String decision, String reason, String noticeNumber, String takenBy, Instant takenAt) {
  }

  private final JdbcTemplate jdbc;

  EscalationLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when a ladder already exists for the task (so it is never started twice) */
  boolean open(String taskId, String campaignCode, String department, String taskName, Date dueDate,
      String processInstanceId, Date now) {
    try {
      jdbc.update("INSERT INTO campaign_escalation (task_id, campaign_code, department, task_name, due_date, "
          + "process_instance_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          taskId, campaignCode, department, taskName, new Timestamp(dueDate.getTime()), processInstanceId,
          new Timestamp(now.getTime()));
      return true;
    } catch (DuplicateKeyException alreadyStarted) {
      return false;
    }
  }

  boolean exists(String taskId) {
    return !jdbc.queryForList("SELECT 1 FROM campaign_escalation WHERE task_id = ?", taskId).isEmpty();
  }

  void markDelivered(String taskId, Date at) {
    jdbc.update("UPDATE campaign_escalation SET delivered_at = ? WHERE task_id = ? AND delivered_at IS NULL",
        new Timestamp(at.getTime()), taskId);
  }

  void recordStep(String taskId, String campaignCode, String department, EscalationStep step, int workingDaysOverdue,
      String decision, String reason, String noticeNumber, String takenBy, Date at) {
    jdbc.update("INSERT INTO campaign_escalation_step (task_id, campaign_code, department, step, step_rank, "
        + "working_days_overdue, decision, reason, notice_number, taken_by, taken_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        taskId, campaignCode, department, step.name(), step.rank(), workingDaysOverdue, decision, reason,
        noticeNumber, takenBy, new Timestamp(at.getTime()));
  }

  /** Steps issued for this overdue task so far (stopped steps do not count). */
  int issuedStepsFor(String taskId) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM campaign_escalation_step WHERE task_id = ? AND decision <> 'stop'", Integer.class,
        taskId);
    return count == null ? 0 : count;
  }

  /** The most severe step the department has received in the campaign, if any. */
  Optional<EscalationStep> mostSevere(String campaignCode, String department) {
    return steps(campaignCode, department).stream()
        .filter(s -> !"stop".equals(s.decision()))
        .map(s -> EscalationStep.valueOf(s.step()))
        .max(Comparator.comparingInt(EscalationStep::rank));
  }

  public List<Step> steps(String campaignCode, String department) {
    return jdbc.query("SELECT * FROM campaign_escalation_step WHERE campaign_code = ?" + byDepartment(department)
        + " ORDER BY taken_at, id",
        (rs, i) -> new Step(rs.getString("task_id"), rs.getString("campaign_code"), rs.getString("department"),
            rs.getString("step"), EscalationStep.valueOf(rs.getString("step")).label(),
            rs.getInt("working_days_overdue"), rs.getString("decision"), rs.getString("reason"),
            rs.getString("notice_number"), rs.getString("taken_by"), rs.getTimestamp("taken_at").toInstant()),
        parameters(campaignCode, department));
  }

  /** The steps issued (not stopped) for one overdue task, in the order they were taken: what its department has received. */
  public List<Step> issuedStepsOf(String taskId) {
    return jdbc.query(
        "SELECT * FROM campaign_escalation_step WHERE task_id = ? AND decision <> 'stop' ORDER BY taken_at, id",
        (rs, i) -> new Step(rs.getString("task_id"), rs.getString("campaign_code"), rs.getString("department"),
            rs.getString("step"), EscalationStep.valueOf(rs.getString("step")).label(),
            rs.getInt("working_days_overdue"), rs.getString("decision"), rs.getString("reason"),
            rs.getString("notice_number"), rs.getString("taken_by"), rs.getTimestamp("taken_at").toInstant()),
        taskId);
  }

  public List<Escalation> escalations(String campaignCode, String department) {
    return jdbc.query("SELECT * FROM campaign_escalation WHERE campaign_code = ?" + byDepartment(department)
        + " ORDER BY started_at, task_id",
        (rs, i) -> new Escalation(rs.getString("task_id"), rs.getString("campaign_code"), rs.getString("department"),
            rs.getString("task_name"), rs.getTimestamp("due_date").toInstant(), rs.getString("process_instance_id"),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant()),
        parameters(campaignCode, department));
  }

  private static String byDepartment(String department) {
    return department == null ? "" : " AND department = ?";
  }

  private static Object[] parameters(String campaignCode, String department) {
    return department == null ? new Object[]{campaignCode} : new Object[]{campaignCode, department};
  }
}
