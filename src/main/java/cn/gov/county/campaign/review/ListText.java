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
        row.fields().forEachRemaining(f -> cells.add(f.getKey() + "：" + plain(f.getValue())));
        lines.add(n++ + ". " + String.join("；", cells));
      } else {
        lines.add(plain(row));
      }
    }
    return list.get(0).isObject() ? String.join("\n", lines) : String.join("、", lines);
  }

  private static String plain(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
