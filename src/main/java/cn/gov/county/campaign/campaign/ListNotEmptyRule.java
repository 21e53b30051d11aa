package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/** A list a form cannot require by itself (form-js has no minimum number of rows). */
record ListNotEmptyRule(String formId, String field, String label, String why) implements FormRule {

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    JsonNode list = values.getOrDefault(field, MissingNode.getInstance());
    return list.isArray() && !list.isEmpty()
        ? List.of()
        : List.of(new FieldViolation(field, label, "「" + label + "」至少要填一行：" + why));
  }
}
