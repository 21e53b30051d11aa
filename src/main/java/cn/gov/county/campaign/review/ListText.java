package cn.gov.county.campaign.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitted list (Json from a dynamic list, checklist or tag list) as lines a reviewer reads in
 * the export: one numbered line per row, its fields as 字段：值, plain values joined with 、. Text
 * that is not a Json list is returned as it is.
 */
final class ListText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ListText() {
  }

  static String of(String value) {
    return of(value, null);
  }

  /** @param columns row field key → label (the form's), or null: the keys are shown then */
  static String of(String value, java.util.Map<String, String> columns) {
    String text = value == null ? "" : value.strip();
    if (!text.startsWith("[")) {
      return value;
    }
    JsonNode list;
    try {
      list = JSON.readTree(text);
    } catch (Exception e) {
      return value;
    }
    if (!list.isArray()) {
      return value;
    }
    if (list.isEmpty()) {
      return "（无）";
    }
    List<String> lines = new ArrayList<>();
    int n = 1;
    for (JsonNode row : list) {
      if (row.isObject()) {
        List<String> cells = new ArrayList<>();
        // the form's column order first, then any other field of the row
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        if (columns != null) {
          columns.keySet().stream().filter(row::has).forEach(keys::add);
        }
        row.fieldNames().forEachRemaining(keys::add);
        keys.forEach(
            key -> cells.add((columns == null ? key : columns.getOrDefault(key, key)) + "：" + plain(row.get(key))));
        lines.add(n++ + ". " + String.join("；", cells));
      } else {
        lines.add(plain(row));
      }
    }
    return list.get(0).isObject() ? String.join("\n", lines) : String.join("、", lines);
  }

  private static String plain(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean() ? "是" : "否";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
