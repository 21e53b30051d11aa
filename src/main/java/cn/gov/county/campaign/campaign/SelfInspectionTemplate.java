package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The rows a department's self-inspection form starts with, one per checklist item:
 * {@code ${selfInspectionTemplate.rows(campaignChecklist)}}.
 */
@Component("selfInspectionTemplate")
public class SelfInspectionTemplate {

  public TypedValue rows(SpinJsonNode campaignChecklist) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode item : JsonVariables.parse(campaignChecklist.toString())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", item.path("code").asText());
      row.put("text", item.path("text").asText());
      row.put("applies", false);
      row.put("problem", "");
      row.put("cause", "");
      rows.add(row);
    }
    return JsonVariables.of(rows);
  }
}
