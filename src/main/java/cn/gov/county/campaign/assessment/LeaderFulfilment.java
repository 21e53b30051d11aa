package cn.gov.county.campaign.assessment;

import cn.gov.county.campaign.publicity.PublicCommitments;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The year-end review of the leaders' own commitments (述职述廉; seed 000: 年终要将履行承诺情况纳入
 * 领导干部述职述廉报告，作为年终考核的重要依据). Every leading-team member who signed a commitment
 * in the year reports on it himself; the office rates each report (全面履行, 基本履行, 未履行) beside
 * the units' performance scores; a unit loses 2 conduct points per leader rated 基本履行 and 5 per
 * leader rated 未履行.
 */
@Component("leaderFulfilment")
public class LeaderFulfilment {

  /** The leaders who report, a collection for the model's multi-instance task. */
  static final String LEADERS = "committedLeaders";
  /** The reports with the office's ratings, one line per leader (AnnualPerformanceForm). */
  static final String RATINGS = "leaderFulfilment";
  static final Map<String, Integer> PENALTY = Map.of("fulfilled", 0, "partly", 2, "unfulfilled", 5);

  private final NamedParameterJdbcTemplate jdbc;

  LeaderFulfilment(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Lists the year's committed leaders, once each, with what they committed to (task 列出作出承诺的班子成员). */
  public void listLeaders(DelegateExecution execution) {
    int year = year(execution);
    List<Map<String, Object>> signed = jdbc.queryForList("""
        SELECT signed_by, person_name, department, department_name, content FROM public_commitment
        WHERE kind = 'leader' AND signed_by IS NOT NULL AND signed_at >= :from AND signed_at < :to
        ORDER BY department, signed_by, signed_at
        """, new MapSqlParameterSource("from", Timestamp.valueOf(LocalDateTime.of(year, 1, 1, 0, 0)))
        .addValue("to", Timestamp.valueOf(LocalDateTime.of(year + 1, 1, 1, 0, 0))));
    Map<String, Map<String, Object>> byLeader = new LinkedHashMap<>();
    for (Map<String, Object> row : signed) {
      String leader = (String) row.get("signed_by");
      Map<String, Object> line = byLeader.computeIfAbsent(leader, k -> {
        Map<String, Object> first = new LinkedCaseInsensitiveMap<>();
        first.putAll(row);
        return first;
      });
      if (line != row && !line.get("content").equals(row.get("content"))) {
        line.put("content", line.get("content") + "\n" + row.get("content"));
      }
    }
    byLeader.forEach((leader, row) -> {
      var values = new MapSqlParameterSource("year", year).addValue("leader", leader)
          .addValue("leaderName", row.get("person_name")).addValue("department", row.get("department"))
          .addValue("departmentName", row.get("department_name")).addValue("commitments", row.get("content"));
      if (jdbc.update(
          "UPDATE leader_fulfilment SET commitments = :commitments WHERE assessment_year = :year AND leader = :leader",
          values) == 0) {
        jdbc.update(
            """
                INSERT INTO leader_fulfilment (assessment_year, leader, leader_name, department, department_name, commitments)
                VALUES (:year, :leader, :leaderName, :department, :departmentName, :commitments)
                """,
            values);
      }
    });
    execution.setVariable(LEADERS, new ArrayList<>(byLeader.keySet()));
  }

  /**
   * The leader's report task shows what he committed to; its answer stays on the task (task-local
   * variables), so that leaders reporting at the same time never write the same variable.
   */
  public void prepareReport(DelegateTask task) {
    task.setVariableLocal("leaderCommitments",
        commitmentsOf(task.getVariable("assessmentYear"), (String) task.getVariable("leader")));
    task.setVariableLocal("fulfilmentReport", null);
  }

  /** What the leader committed to in the year, for his report's form. */
  public String commitmentsOf(Object year, String leader) {
    return jdbc
        .queryForList("SELECT commitments FROM leader_fulfilment WHERE assessment_year = :year AND leader = :leader",
            Map.of("year", ((Number) year).intValue(), "leader", leader), String.class)
        .stream().findFirst().orElse("");
  }

  /** A leader reported on his commitments (task 述职述廉：报告履行承诺情况, as its assignee). */
  public void reported(DelegateTask task) {
    jdbc.update(
        """
            UPDATE leader_fulfilment SET report = :report, reported_at = :now WHERE assessment_year = :year AND leader = :leader
            """,
        new MapSqlParameterSource("report", PublicCommitments.answer(task, "fulfilmentReport"))
            .addValue("now", Timestamp.valueOf(LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA)))
            .addValue("year", year(task.getExecution())).addValue("leader", task.getAssignee()));
  }

  /** The lines the office rates (the leaders' reports), set for the performance form. */
  void prepareRatings(DelegateExecution execution) {
    List<Map<String, Object>> lines = new ArrayList<>();
    jdbc.queryForList("SELECT * FROM leader_fulfilment WHERE assessment_year = :year ORDER BY department, leader",
        Map.of("year", year(execution))).forEach(row -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("leader", row.get("leader"));
          line.put("leaderName", row.get("leader_name") + "（" + row.get("department_name") + "）");
          line.put("department", row.get("department"));
          line.put("commitments", row.get("commitments"));
          line.put("report", row.get("report") == null ? "（未报告）" : row.get("report"));
          line.put("rating", null);
          lines.add(line);
        });
    execution.setVariable(RATINGS, JsonVariables.of(lines));
  }

  /** Stores the office's ratings; returns the conduct points each unit loses. */
  Map<String, Integer> applyRatings(DelegateExecution execution) {
    Map<String, Integer> penalties = new HashMap<>();
    Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA));
    for (JsonNode line : JsonVariables.read(execution, RATINGS)) {
      String rating = line.path("rating").asText("");
      jdbc.update(
          """
              UPDATE leader_fulfilment SET rating = :rating, rated_at = :now WHERE assessment_year = :year AND leader = :leader
              """,
          new MapSqlParameterSource("rating", rating).addValue("now", now).addValue("year", year(execution))
              .addValue("leader", line.path("leader").asText()));
      penalties.merge(line.path("department").asText(), PENALTY.getOrDefault(rating, 0), Integer::sum);
    }
    return penalties;
  }

  private static int year(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ((Number) scope.getVariable("assessmentYear")).intValue();
  }
}
