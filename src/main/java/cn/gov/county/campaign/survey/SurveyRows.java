package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code surveyResults} variable: one row per participating department, in organization
 * order. With the standard scale the counts are the row's fields {@code satisfied},
 * {@code basicallySatisfied}, {@code dissatisfied}, {@code unknown} (so Tasklist's form can edit
 * them); with another scale they are in {@code counts}, keyed by answer. Empty means not surveyed.
 */
final class SurveyRows {

  static final Map<String, String> STANDARD_KEYS = Map.of(
      "满意", "satisfied", "基本满意", "basicallySatisfied", "不满意", "dissatisfied", "不了解", "unknown");

  private SurveyRows() {
  }

  static boolean editableInTasklist(SurveyScale scale) {
    return scale.answers().stream().allMatch(a -> STANDARD_KEYS.containsKey(a.answer()));
  }

  /** Empty rows for the office to fill. */
  static List<Map<String, Object>> empty(List<Organization.Department> departments, SurveyScale scale) {
    return rows(departments, scale, Map.of());
  }

  /** Rows holding the entries read from an upload; departments not in it stay empty. */
  static List<Map<String, Object>> of(List<Organization.Department> departments, SurveyScale scale,
      List<SurveyScoring.Entry> entries) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    entries.forEach(e -> counts.put(e.department().id(), e.counts()));
    return rows(departments, scale, counts);
  }

  private static List<Map<String, Object>> rows(List<Organization.Department> departments, SurveyScale scale,
      Map<String, Map<String, Long>> counts) {
    boolean standard = editableInTasklist(scale);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization.Department d : departments) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", d.id());
      row.put("departmentName", d.name());
      row.put("unitCategory", d.category().label());
      Map<String, Long> of = counts.get(d.id());
      Map<String, Object> byAnswer = new LinkedHashMap<>();
      for (SurveyScale.Answer answer : scale.answers()) {
        Object value = of == null ? null : of.get(answer.answer());
        if (standard) {
          row.put(STANDARD_KEYS.get(answer.answer()), value);
        } else {
          byAnswer.put(answer.answer(), value);
        }
      }
      if (!standard) {
        row.put("counts", byAnswer);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows as a sheet (header 部门编码, 部门名称, answers), to be read like an upload. */
  static SurveySheet toSheet(JsonNode rows, SurveyScale scale) {
    List<List<String>> sheet = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of(SurveyEntries.CODE, SurveyEntries.NAME));
    scale.answers().forEach(a -> header.add(a.answer()));
    sheet.add(header);
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(row.path("department").asText(""));
      cells.add(row.path("departmentName").asText(""));
      for (SurveyScale.Answer answer : scale.answers()) {
        JsonNode value = row.has("counts")
            ? row.path("counts").path(answer.answer())
            : row.path(STANDARD_KEYS.getOrDefault(answer.answer(), answer.answer()));
        cells.add(value.isMissingNode() || value.isNull() ? "" : value.asText());
      }
      sheet.add(cells);
    }
    return new SurveySheet(sheet);
  }
}
