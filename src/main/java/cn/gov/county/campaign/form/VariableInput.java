package cn.gov.county.campaign.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A variable value as the validator sees it: the engine's value type name in lower case
 * ({@code string}, {@code integer}, {@code json}, ...) and the value as JSON. A Json variable's
 * value is its parsed content; an unreadable Json value has type {@code invalid-json}.
 */
record VariableInput(String type, JsonNode value) {

  static final String INVALID_JSON = "invalid-json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** From the REST body's {@code {"value": ..., "type": "...", "valueInfo": {...}}}. */
  static VariableInput fromRest(JsonNode dto) {
    JsonNode value = dto.path("value");
    if (value.isMissingNode()) {
      value = NullNode.getInstance();
    }
    String type = dto.path("type").isTextual() ? dto.path("type").asText().toLowerCase(Locale.ROOT) : inferType(value);
    if ("json".equals(type) && value.isTextual()) {
      return parseJson(value.textValue());
    }
    return new VariableInput(type, value);
  }

  /** From a variable the engine already holds. */
  static VariableInput fromEngine(TypedValue typed) {
    if (typed.getType() == null) {
      // an untyped value (a plain Java object, or a REST value without "type"): typed by its JSON form
      JsonNode value = typed.getValue() == null ? NullNode.getInstance() : JSON.valueToTree(typed.getValue());
      return new VariableInput(inferType(value), value);
    }
    String type = typed.getType().getName().toLowerCase(Locale.ROOT);
    if (typed instanceof SerializableValue serializable) {
      String serialized = serializable.isDeserialized() && serializable.getValue() != null
          && serializable.getValueSerialized() == null
              ? serializable.getValue().toString()
              : serializable.getValueSerialized();
      if ("json".equals(type)) {
        return serialized == null ? new VariableInput(type, NullNode.getInstance()) : parseJson(serialized);
      }
      return new VariableInput(type, serialized == null ? NullNode.getInstance() : TextNode.valueOf(serialized));
    }
    Object value = typed.getValue();
    return new VariableInput(type, value == null ? NullNode.getInstance() : JSON.valueToTree(value));
  }

  private static VariableInput parseJson(String text) {
    try {
      return new VariableInput("json", JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return new VariableInput(INVALID_JSON, TextNode.valueOf(text));
    }
  }

  private static String inferType(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? "integer" : "long";
    }
    if (value.isNumber()) {
      return "double";
    }
    return "object";
  }

  boolean isNull() {
    return value == null || value.isNull() || value.isMissingNode();
  }
}
