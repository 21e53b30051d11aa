package cn.gov.county.campaign.complaint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each campaign numbers its complaints 1, 2, 3 … ({@code <code>-TS-01}); the counter row
 * (db/migration/V1__campaign_tables.sql) is updated in the engine's transaction, so two registrations that
 * race never get the same number: the second waits for the first's row lock, or fails on the
 * primary key and is refused, and nothing of it is stored.
 */
@Repository
class ComplaintNumbers {

  private final JdbcTemplate jdbc;

  ComplaintNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int next(String campaignCode) {
    int updated = jdbc.update(
        "UPDATE campaign_complaint_counter SET last_number = last_number + 1 WHERE campaign_code = ?",
        campaignCode);
    if (updated == 0) {
      jdbc.update("INSERT INTO campaign_complaint_counter (campaign_code, last_number) VALUES (?, 1)", campaignCode);
    }
    Integer number = jdbc.queryForObject("SELECT last_number FROM campaign_complaint_counter WHERE campaign_code = ?",
        Integer.class, campaignCode);
    return number == null ? 1 : number;
  }

  static String format(String campaignCode, int serial) {
    return String.format("%s-TS-%02d", campaignCode, serial);
  }
}
