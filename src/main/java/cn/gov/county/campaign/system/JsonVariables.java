package cn.gov.county.campaign.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Json process variables (Spin) read and written as Jackson trees: lists and records, never Java objects. */
public final class JsonVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonVariables() {
  }

  /** The variable as JSON; a missing variable is a missing node. */
  public static JsonNode read(VariableScope scope, String name) {
    TypedValue typed = scope.getVariableTyped(name, false);
    return toJson(typed);
  }

  /**
   * A variable's value as JSON. A Json variable read back in the transaction that set it holds
   * the Spin node and no serialized text yet, so both forms are handled.
   */
  public static JsonNode toJson(TypedValue typed) {
    if (typed == null) {
      return MissingNode.getInstance();
    }
    if (typed instanceof SerializableValue serializable) {
      if (serializable.getValueSerialized() != null) {
        return parse(serializable.getValueSerialized());
      }
      if (!serializable.isDeserialized()) {
        return MissingNode.getInstance();
      }
    }
    Object value = typed.getValue();
    if (value == null) {
      return MissingNode.getInstance();
    }
    return value instanceof SpinJsonNode spin ? parse(spin.toString()) : JSON.valueToTree(value);
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value to store as a Json variable. */
  public static JsonValue of(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText("");
  }
}
