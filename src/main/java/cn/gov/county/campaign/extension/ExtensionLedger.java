package cn.gov.county.campaign.extension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every deadline extension asked for and how the office decided (table in
 * db/migration/V8__deadline_extensions.sql), written in the engine's transaction. The table's
 * unique pending column is what makes a second pending request for a problem impossible, also when
 * two requests race past the form's rule.
 */
@Repository
public class ExtensionLedger {

  /** One request: the deadline then, the one asked for, and the office's decision once made. */
  public record Extension(String processInstanceId, String campaignCode, String problemCode, String department,
      String requestedBy, Instant requestedAt, String previousDeadline, String requestedDeadline, String reason,
      String decision, String grantedDeadline, String opinion, String decidedBy, Instant decidedAt) {

    public boolean pending() {
      return decision == null;
    }

    public boolean approved() {
      return ExtensionModel.APPROVED.equals(decision);
    }

    /** 待审批 / 同意延期至 … / 不同意. */
    public String statusLabel() {
      return pending() ? "待审批" : approved() ? "同意延期至" + grantedDeadline : "不同意";
    }
  }

  private final JdbcTemplate jdbc;

  ExtensionLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when the problem already has a pending request */
  boolean request(String processInstanceId, String campaignCode, String problemCode, String department,
      String requestedBy, Date at, String previousDeadline, String requestedDeadline, String reason) {
    try {
      jdbc.update(
          "INSERT INTO campaign_deadline_extension (process_instance_id, campaign_code, problem_code, department, "
              + "requested_by, requested_at, previous_deadline, requested_deadline, reason, pending_problem_code) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          processInstanceId, campaignCode, problemCode, department, requestedBy, new Timestamp(at.getTime()),
          previousDeadline, requestedDeadline, reason, problemCode);
      return true;
    } catch (DuplicateKeyException pending) {
      return false;
    }
  }

  void decide(String processInstanceId, String decision, String grantedDeadline, String opinion, String decidedBy,
      Date at) {
    jdbc.update(
        "UPDATE campaign_deadline_extension SET decision = ?, granted_deadline = ?, opinion = ?, decided_by = ?, "
            + "decided_at = ?, pending_problem_code = NULL WHERE process_instance_id = ?",
        decision, grantedDeadline, opinion, decidedBy, new Timestamp(at.getTime()), processInstanceId);
  }

  /** Whether the problem has a request waiting for the office. */
  public boolean hasPending(String problemCode) {
    return !jdbc.queryForList("SELECT 1 FROM campaign_deadline_extension WHERE pending_problem_code = ?", problemCode)
        .isEmpty();
  }

  /** The campaign's requests, of one department or (null) of all, oldest first. */
  public List<Extension> of(String campaignCode, String department) {
    return department == null
        ? jdbc.query("SELECT * FROM campaign_deadline_extension WHERE campaign_code = ? ORDER BY requested_at, "
            + "process_instance_id", ExtensionLedger::row, campaignCode)
        : jdbc.query("SELECT * FROM campaign_deadline_extension WHERE campaign_code = ? AND department = ? "
            + "ORDER BY requested_at, process_instance_id", ExtensionLedger::row, campaignCode, department);
  }

  private static Extension row(ResultSet rs, int i) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new Extension(rs.getString("process_instance_id"), rs.getString("campaign_code"),
        rs.getString("problem_code"), rs.getString("department"), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getString("previous_deadline"),
        rs.getString("requested_deadline"), rs.getString("reason"), rs.getString("decision"),
        rs.getString("granted_deadline"), rs.getString("opinion"), rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant());
  }
}
