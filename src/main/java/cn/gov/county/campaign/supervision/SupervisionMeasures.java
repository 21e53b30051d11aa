package cn.gov.county.campaign.supervision;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.CampaignDates;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The measures supervision cases issued ({@code campaign_supervision_measure}): one row per case,
 * written in the transaction that issues the measure's notice. A department's record lists them.
 */
@Service
public class SupervisionMeasures {

  /** One issued measure, as the department's record shows it. */
  public record Measure(String processInstanceId, String campaignCode, String department, String cadreName,
      String findingSource, String finding, String proposedMeasure, String measure, String measureLabel,
      String decidingBody, String decidingBodyName, String decidedBy, String reason, String noticeNumber, long noticeId,
      LocalDateTime decidedAt, Integer awardYear) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Organization organization;

  SupervisionMeasures(NamedParameterJdbcTemplate jdbc, Organization organization) {
    this.jdbc = jdbc;
    this.organization = organization;
  }

  void record(Measure measure) {
    jdbc.update(
        """
            INSERT INTO campaign_supervision_measure (process_instance_id, campaign_code, department, cadre_name,
              finding_source, finding, proposed_measure, measure, deciding_body, decided_by, reason, notice_number,
              notice_id, decided_at, award_year)
            VALUES (:processInstanceId, :campaignCode, :department, :cadreName, :findingSource, :finding,
              :proposedMeasure, :measure, :decidingBody, :decidedBy, :reason, :noticeNumber, :noticeId, :decidedAt, :awardYear)
            """,
        new MapSqlParameterSource()
            .addValue("processInstanceId", measure.processInstanceId())
            .addValue("campaignCode", measure.campaignCode())
            .addValue("department", measure.department())
            .addValue("cadreName", measure.cadreName())
            .addValue("findingSource", measure.findingSource())
            .addValue("finding", measure.finding())
            .addValue("proposedMeasure", measure.proposedMeasure())
            .addValue("measure", measure.measure())
            .addValue("decidingBody", measure.decidingBody())
            .addValue("decidedBy", measure.decidedBy())
            .addValue("reason", measure.reason())
            .addValue("noticeNumber", measure.noticeNumber())
            .addValue("noticeId", measure.noticeId())
            .addValue("decidedAt",
                measure.decidedAt() == null ? LocalDateTime.now(CampaignDates.CHINA) : measure.decidedAt())
            .addValue("awardYear", measure.awardYear()));
  }

  /** The measures a campaign issued to one department, oldest first. */
  public List<Measure> of(String campaignCode, String department) {
    return jdbc
        .query("SELECT * FROM campaign_supervision_measure WHERE campaign_code = :code AND department = :department"
            + " ORDER BY decided_at, id", Map.of("code", campaignCode, "department", department),
            (rs, i) -> new Measure(
                rs.getString("process_instance_id"), rs.getString("campaign_code"), rs.getString("department"),
                rs.getString("cadre_name"), rs.getString("finding_source"), rs.getString("finding"),
                rs.getString("proposed_measure"), rs.getString("measure"),
                SupervisionMeasure.of(rs.getString("measure")).map(SupervisionMeasure::label)
                    .orElse(rs.getString("measure")),
                rs.getString("deciding_body"),
                organization.body(rs.getString("deciding_body")).map(Organization.Body::name)
                    .orElse(rs.getString("deciding_body")),
                rs.getString("decided_by"), rs.getString("reason"),
                rs.getString("notice_number"), rs.getLong("notice_id"),
                rs.getObject("decided_at", LocalDateTime.class), (Integer) rs.getObject("award_year")));
  }

  /** The units whose 年度评优评奖资格 was cancelled for the year (取消评优), in any campaign. */
  public java.util.Set<String> disqualified(int year) {
    return new java.util.TreeSet<>(jdbc.queryForList("SELECT DISTINCT department FROM campaign_supervision_measure"
        + " WHERE measure = :measure AND award_year = :year",
        Map.of("measure", SupervisionMeasure.AWARD_DISQUALIFICATION.value(), "year", year), String.class));
  }
}
