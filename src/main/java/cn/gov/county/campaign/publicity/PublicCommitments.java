package cn.gov.county.campaign.publicity;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Commitments and rectification results made public (承诺公示; seed 002: 承诺公示, seed 004:
 * 向社会公开许诺). Each leading-team member's commitment is recorded when he signs it himself;
 * the unit's and the staff's join it when the self-inspection publishes them, and all of the
 * unit's are then on public notice for {@code campaign.publicity.days}; a problem closed off is
 * published with its result (边查边改). Everything is written in the caller's transaction (the
 * engine's, from the models' expressions), so an entry exists exactly when its step commits, and
 * the table's unique key keeps a retried step from publishing twice.
 */
@Service("publicCommitments")
@EnableConfigurationProperties(PublicityProperties.class)
public class PublicCommitments {

  private static final String COLUMNS = "id, campaign_code, department, department_name, kind, person_name, post, content, "
      + "signed_by, signed_at, published_on, publicity_until";

  private final NamedParameterJdbcTemplate jdbc;
  private final IdentityService identity;
  private final PublicityProperties properties;

  PublicCommitments(NamedParameterJdbcTemplate jdbc, IdentityService identity, PublicityProperties properties) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.properties = properties;
  }

  /**
   * A leader's own commitment task keeps its answers on the task (task-local variables), so that
   * leaders signing at the same time never write the same variable.
   */
  public void prepareLeaderTask(DelegateTask task) {
    task.setVariableLocal("leaderPost", null);
    task.setVariableLocal("leaderCommitment", null);
    task.setVariableLocal("leaderCommitmentAgreed", null);
  }

  /** A member of the leading team signed his own commitment (task 班子成员签订个人承诺, as its assignee). */
  public void leaderSigned(DelegateTask task) {
    String leader = task.getAssignee();
    insert(task.getExecution(), PublicEntry.Kind.leader, leader, nameOf(leader),
        (String) answer(task, "leaderPost"), (String) answer(task, "leaderCommitment"), leader, null);
  }

  /**
   * What the task's form submitted: Tasklist's form submission keeps it on the task, a plain
   * completion with variables puts it on the execution.
   */
  public static Object answer(DelegateTask task, String name) {
    Object local = task.getVariableLocal(name);
    return local != null ? local : task.getExecution().getVariable(name);
  }

  /**
   * The self-inspection publishes the unit's commitments (公示承诺书): the unit's and the staff's
   * are recorded beside the leaders', and all of the unit's go on public notice from today.
   */
  public void publishCommitments(DelegateExecution execution) {
    String head = (String) execution.getVariable("unitHead");
    String unitCommitment = (String) execution.getVariable("unitCommitment");
    if (unitCommitment != null && !unitCommitment.isBlank()) {
      insert(execution, PublicEntry.Kind.unit, "unit", nameOf(head), "主要负责人", unitCommitment, head, null);
    }
    for (JsonNode staff : JsonVariables.read(execution, "staffCommitments")) {
      String name = JsonVariables.text(staff, "staffName");
      if (name != null && !name.isBlank()) {
        insert(execution, PublicEntry.Kind.staff, name, name, JsonVariables.text(staff, "staffPost"),
            JsonVariables.text(staff, "staffCommitment"), null, null);
      }
    }
    LocalDate today = today();
    jdbc.update("""
        UPDATE public_commitment SET published_on = :today, publicity_until = :until
        WHERE campaign_code = :campaignCode AND department = :department AND published_on IS NULL
          AND kind IN ('unit', 'leader', 'staff')
        """, new MapSqlParameterSource("today", today).addValue("until", today.plusDays(properties.days() - 1L))
        .addValue("campaignCode", execution.getVariable(CampaignModel.CAMPAIGN_CODE))
        .addValue("department", execution.getVariable(CampaignModel.DEPARTMENT)));
    execution.setVariable("commitmentsPublishedOn", today.toString());
  }

  /** A problem was closed off after verification: its rectification result goes on public notice (边查边改). */
  public void publishRectification(DelegateExecution execution) {
    String problemCode = (String) execution.getVariable("problemCode");
    String content = "问题：" + text(execution.getVariable("description"))
        + "\n整改措施：" + text(execution.getVariable("measure"))
        + (execution.getVariable("target") == null ? "" : "\n整改目标：" + text(execution.getVariable("target")))
        + "\n整改结果：" + text(execution.getVariable("completionReport"));
    LocalDate today = today();
    insert(execution, PublicEntry.Kind.rectification, problemCode, null, "问题编号 " + problemCode, content, null, today);
  }

  /** What the public sees for the campaign today: entries on public notice, by unit and kind. */
  public List<PublicEntry> onPublicNotice(String campaignCode) {
    LocalDate today = today();
    return jdbc.query("SELECT " + COLUMNS + " FROM public_commitment WHERE campaign_code = :campaignCode"
        + " AND published_on <= :today AND publicity_until >= :today ORDER BY department, kind, id",
        Map.of("campaignCode", campaignCode, "today", today), PublicCommitments::entry);
  }

  /** Every entry of one unit in the campaign, published or not (the unit's record). */
  public List<PublicEntry> ofDepartment(String campaignCode, String department) {
    return jdbc.query("SELECT " + COLUMNS + " FROM public_commitment WHERE campaign_code = :campaignCode"
        + " AND department = :department ORDER BY kind, id",
        Map.of("campaignCode", campaignCode, "department", department), PublicCommitments::entry);
  }

  public Optional<PublicEntry> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM public_commitment WHERE id = :id", Map.of("id", id),
        PublicCommitments::entry).stream().findFirst();
  }

  /** Today in China, on the engine's clock. */
  public static LocalDate today() {
    return LocalDate.ofInstant(EngineInternals.now(), CampaignDates.CHINA);
  }

  private void insert(DelegateExecution execution, PublicEntry.Kind kind, String key, String personName, String post,
      String content, String signedBy, LocalDate publishedOn) {
    var row = new MapSqlParameterSource()
        .addValue("campaignCode", execution.getVariable(CampaignModel.CAMPAIGN_CODE))
        .addValue("department", execution.getVariable(CampaignModel.DEPARTMENT))
        .addValue("departmentName", execution.getVariable("departmentName"))
        .addValue("kind", kind.name())
        .addValue("key", key)
        .addValue("personName", personName)
        .addValue("post", post)
        .addValue("content", content == null ? "" : content)
        .addValue("signedBy", signedBy)
        .addValue("signedAt", signedBy == null
            ? null
            : Timestamp.valueOf(LocalDateTime.ofInstant(EngineInternals.now(),
                CampaignDates.CHINA)))
        .addValue("publishedOn", publishedOn)
        .addValue("until", publishedOn == null ? null : publishedOn.plusDays(properties.days() - 1L));
    jdbc.update("""
        INSERT INTO public_commitment (campaign_code, department, department_name, kind, entry_key, person_name, post,
          content, signed_by, signed_at, published_on, publicity_until)
        VALUES (:campaignCode, :department, :departmentName, :kind, :key, :personName, :post, :content, :signedBy,
          :signedAt, :publishedOn, :until)
        """, row);
  }

  private String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = EngineInternals.withoutUser(identity, () -> identity.createUserQuery().userId(userId).singleResult());
    return user == null || user.getFirstName() == null ? userId : user.getFirstName();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static PublicEntry entry(ResultSet rs, int row) throws SQLException {
    Timestamp signedAt = rs.getTimestamp("signed_at");
    java.sql.Date published = rs.getDate("published_on");
    java.sql.Date until = rs.getDate("publicity_until");
    return new PublicEntry(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("department"),
        rs.getString("department_name"), PublicEntry.Kind.valueOf(rs.getString("kind")), rs.getString("person_name"),
        rs.getString("post"), rs.getString("content"), rs.getString("signed_by"),
        signedAt == null ? null : signedAt.toLocalDateTime(), published == null ? null : published.toLocalDate(),
        until == null ? null : until.toLocalDate());
  }
}
