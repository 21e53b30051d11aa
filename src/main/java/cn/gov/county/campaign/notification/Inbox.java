package cn.gov.county.campaign.notification;

import cn.gov.county.campaign.system.EngineInternals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's messages (消息) in the application: every notification recorded for him, whether or not
 * mail is on, newest first, with what he has marked read. Nobody reads or marks another's messages:
 * every query is bound to the recipient.
 */
@Repository
public class Inbox {

  /** How many messages the inbox lists. */
  static final int LIMIT = 50;

  private final JdbcTemplate jdbc;

  Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One message as its recipient reads it. */
  public record Message(long id, String campaignCode, String subject, String body, String link, Instant createdAt,
      boolean read) {
  }

  /** The recipient's newest messages. */
  public List<Message> of(String recipientId) {
    return jdbc.query("SELECT id, campaign_code, subject, body, link, created_at, read_at FROM campaign_notification "
        + "WHERE recipient_id = ? ORDER BY id DESC FETCH FIRST " + LIMIT + " ROWS ONLY",
        (rs, i) -> new Message(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("subject"),
            rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") != null),
        recipientId);
  }

  /** How many of the recipient's messages he has not marked read. */
  public int unread(String recipientId) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM campaign_notification WHERE recipient_id = ? AND read_at IS NULL", Integer.class,
        recipientId);
    return count == null ? 0 : count;
  }

  /** Marks one of the recipient's messages read; false when he has no such message. */
  @Transactional
  public boolean markRead(String recipientId, long id) {
    int own = jdbc.update(
        "UPDATE campaign_notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND recipient_id = ?",
        Timestamp.from(EngineInternals.now()), id, recipientId);
    return own == 1;
  }

  /** Marks all of the recipient's messages read; returns how many were unread. */
  @Transactional
  public int markAllRead(String recipientId) {
    return jdbc.update("UPDATE campaign_notification SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL",
        Timestamp.from(EngineInternals.now()), recipientId);
  }
}
