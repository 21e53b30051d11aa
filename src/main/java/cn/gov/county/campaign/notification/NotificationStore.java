package cn.gov.county.campaign.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code campaign_notification} table. Every write joins the caller's transaction, never opens
 * one of its own: a delivery job holds one connection, not two. "Sent" is written in the delivery
 * job's transaction, a failure in the engine's failed-job transaction ({@link DeliveryFailures}).
 * Should the job's commit itself fail after the mail server took the mail, the job runs again and
 * the mail goes out a second time; nothing is ever lost.
 */
@Repository
class NotificationStore {

  private static final int MAX_ERROR = 4000;

  private static final String COLUMNS = "id, event_key, campaign_code, department, recipient_id, recipient_name, "
      + "email, subject, body, link, created_at, status, sent_at, attempts, last_error";

  private final JdbcTemplate jdbc;

  NotificationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row unless the event already reached the recipient; returns the new row's id. */
  Optional<Long> insertIfAbsent(Notification notification, Recipient recipient, NotificationStatus status,
      Instant createdAt) {
    if (find(notification.eventKey(), recipient.userId()).isPresent()) {
      return Optional.empty();
    }
    jdbc.update("INSERT INTO campaign_notification (event_key, campaign_code, department, recipient_id, "
        + "recipient_name, email, subject, body, link, created_at, status, attempts) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        notification.eventKey(), notification.campaignCode(), notification.department(), recipient.userId(),
        recipient.name(), recipient.email(), notification.subject(), notification.body(), notification.link(),
        Timestamp.from(createdAt), status.name());
    return find(notification.eventKey(), recipient.userId()).map(NotificationRecord::id);
  }

  Optional<NotificationRecord> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notification WHERE id = ?", this::map, id)
        .stream().findFirst();
  }

  private Optional<NotificationRecord> find(String eventKey, String recipientId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notification WHERE event_key = ? AND recipient_id = ?",
        this::map, eventKey, recipientId).stream().findFirst();
  }

  List<NotificationRecord> ofCampaign(String campaignCode, String department) {
    return department == null
        ? jdbc.query("SELECT " + COLUMNS + " FROM campaign_notification WHERE campaign_code = ? ORDER BY id",
            this::map, campaignCode)
        : jdbc.query("SELECT " + COLUMNS + " FROM campaign_notification WHERE campaign_code = ? AND department = ? "
            + "ORDER BY id", this::map, campaignCode, department);
  }

  List<NotificationRecord> ofEvent(String eventKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notification WHERE event_key = ? ORDER BY id",
        this::map, eventKey);
  }

  void markSent(long id, Instant sentAt) {
    jdbc.update("UPDATE campaign_notification SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL "
        + "WHERE id = ?", NotificationStatus.SENT.name(), Timestamp.from(sentAt), id);
  }

  void markFailed(long id, String error) {
    String shortened = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
    jdbc.update("UPDATE campaign_notification SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
        NotificationStatus.RETRYING.name(), shortened, id);
  }

  void markMailOff(long id) {
    jdbc.update("UPDATE campaign_notification SET status = ? WHERE id = ?", NotificationStatus.MAIL_OFF.name(), id);
  }

  private NotificationRecord map(ResultSet rs, int row) throws SQLException {
    NotificationStatus status = NotificationStatus.valueOf(rs.getString("status"));
    Timestamp sentAt = rs.getTimestamp("sent_at");
    return new NotificationRecord(rs.getLong("id"), rs.getString("event_key"), rs.getString("campaign_code"),
        rs.getString("department"), rs.getString("recipient_id"), rs.getString("recipient_name"),
        rs.getString("email"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
        rs.getTimestamp("created_at").toInstant(), status.name(), status.label(),
        sentAt == null ? null : sentAt.toInstant(), rs.getInt("attempts"), rs.getString("last_error"));
  }
}
