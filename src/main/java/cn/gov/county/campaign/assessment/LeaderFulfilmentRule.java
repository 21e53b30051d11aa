package cn.gov.county.campaign.assessment;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The office rates every leader who was asked to report, once each; no line added or dropped. */
@Component
class LeaderFulfilmentRule implements FormRule {

  private final NamedParameterJdbcTemplate jdbc;

  LeaderFulfilmentRule(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String formId() {
    return "AnnualPerformanceForm";
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    JsonNode year = values.getOrDefault("assessmentYear", MissingNode.getInstance());
    if (!year.canConvertToInt()) {
      return List.of();
    }
    List<String> expected = new ArrayList<>(jdbc.queryForList(
        "SELECT leader FROM leader_fulfilment WHERE assessment_year = :year ORDER BY leader",
        Map.of("year", year.asInt()), String.class));
    List<String> rated = new ArrayList<>();
    values.getOrDefault(LeaderFulfilment.RATINGS, MissingNode.getInstance())
        .forEach(line -> rated.add(line.path("leader").asText()));
    rated.sort(null);
    return rated.equals(expected)
        ? List.of()
        : List.of(new FieldViolation(LeaderFulfilment.RATINGS, "班子成员履诺评价",
            "「班子成员履诺评价」须为每个报告了履诺情况的班子成员各评一次，不能增删人员"));
  }
}
