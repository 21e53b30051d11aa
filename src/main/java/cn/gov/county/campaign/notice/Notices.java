package cn.gov.county.campaign.notice;

import cn.gov.county.campaign.system.CampaignDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbered official notices (文书). Each gets the next number of its campaign,
 * {@code <campaign code>〔<year>〕<n>号}, and is stored with the document as issued: the HTML is
 * rendered once, so a later change of the layout never changes a notice already sent.
 */
@Service
public class Notices {

  private static final String COLUMNS = "id, notice_number, kind, title, issued_on, department, circulated";

  private final NamedParameterJdbcTemplate jdbc;

  Notices(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Numbers, renders and stores the notice in the caller's transaction (the engine's, when a
   * delegate calls), so it is issued exactly when the step that issues it commits. Two
   * transactions that race for the same number cannot both commit: one fails and its job is retried.
   */
  @Transactional
  public IssuedNotice issue(NoticeDraft draft) {
    int serial = nextSerial(draft.campaignCode());
    String number = draft.campaignCode() + "〔" + draft.issuedOn().getYear() + "〕" + serial + "号";
    var row = new MapSqlParameterSource()
        .addValue("campaignCode", draft.campaignCode())
        .addValue("serial", serial)
        .addValue("number", number)
        .addValue("kind", draft.kind().name())
        .addValue("issuer", draft.issuer())
        .addValue("addressee", draft.addressee())
        .addValue("title", draft.title())
        .addValue("body", draft.body())
        .addValue("issuedOn", draft.issuedOn())
        .addValue("department", draft.department())
        .addValue("processInstanceId", draft.processInstanceId())
        .addValue("issuedBy", draft.issuedBy())
        .addValue("recordedAt", LocalDateTime.now(CampaignDates.CHINA))
        .addValue("html", NoticeRenderer.render(draft, number));
    var key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO campaign_notice (campaign_code, serial, notice_number, kind, issuer, addressee, title, body,
          issued_on, department, process_instance_id, issued_by, recorded_at, html)
        VALUES (:campaignCode, :serial, :number, :kind, :issuer, :addressee, :title, :body,
          :issuedOn, :department, :processInstanceId, :issuedBy, :recordedAt, :html)
        """, row, key, new String[]{"id"});
    long id = key.getKey().longValue();
    return new IssuedNotice(id, number, draft.kind(), draft.title(), draft.issuedOn(), draft.department(), url(id),
        false);
  }

  /** Makes the notice readable by every unit (通报: circulated to all, in the notices of each). */
  public void circulate(long id) {
    jdbc.update("UPDATE campaign_notice SET circulated = TRUE WHERE id = :id", Map.of("id", id));
  }

  public Optional<IssuedNotice> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notice WHERE id = :id", Map.of("id", id),
        Notices::issued).stream().findFirst();
  }

  /** The notice with this document number (文号), if one was issued. */
  public Optional<IssuedNotice> byNumber(String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notice WHERE notice_number = :number",
        Map.of("number", number), Notices::issued).stream().findFirst();
  }

  /** The document as it was issued. */
  public Optional<String> html(long id) {
    return jdbc.queryForList("SELECT html FROM campaign_notice WHERE id = :id", Map.of("id", id), String.class)
        .stream().findFirst();
  }

  /**
   * The campaign's notices in the order they were issued: those concerning {@code department}
   * and those circulated to every unit, or all for {@code department} null.
   */
  public List<IssuedNotice> ofCampaign(String campaignCode, String department) {
    var where = new MapSqlParameterSource("campaignCode", campaignCode).addValue("department", department);
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_notice WHERE campaign_code = :campaignCode"
        + (department == null ? "" : " AND (department = :department OR circulated)") + " ORDER BY serial", where,
        Notices::issued);
  }

  /**
   * The campaign's next serial number, counted in its row of {@code campaign_notice_counter}.
   * The update locks that row until the transaction ends, so concurrent issuers wait for each
   * other; two first issues of a campaign both insert the row and one of them fails.
   */
  private int nextSerial(String campaignCode) {
    var campaign = Map.of("campaignCode", campaignCode);
    int updated = jdbc.update("UPDATE campaign_notice_counter SET last_number = last_number + 1"
        + " WHERE campaign_code = :campaignCode", campaign);
    if (updated == 0) {
      jdbc.update("INSERT INTO campaign_notice_counter (campaign_code, last_number) VALUES (:campaignCode, 1)",
          campaign);
    }
    return jdbc.queryForObject("SELECT last_number FROM campaign_notice_counter WHERE campaign_code = :campaignCode",
        campaign, Integer.class);
  }

  private static IssuedNotice issued(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new IssuedNotice(id, rs.getString("notice_number"), NoticeKind.valueOf(rs.getString("kind")),
        rs.getString("title"), rs.getObject("issued_on", LocalDate.class), rs.getString("department"), url(id),
        rs.getBoolean("circulated"));
  }

  private static String url(long id) {
    return "/campaign/notices/" + id;
  }
}
