package cn.gov.county.campaign.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deployed Camunda Form (form-js schema) reduced to what the server checks: the input fields,
 * where each one writes its value, and its rules.
 */
final class FormDefinition {

  /** Component types that show something but submit nothing. */
  private static final Set<String> DISPLAY_ONLY = Set.of(
      "text", "html", "image", "separator", "spacer", "button", "iframe", "table", "documentPreview");

  /** Component types that hold other components. */
  private static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One component that submits a value, or a container.
   *
   * @param path       data path relative to the enclosing list item (or the root): first
   *                   element is the variable name when the field is not inside a dynamic list
   * @param children   for groups and dynamic lists
   */
  record Field(String id, String type, String label, List<String> path, JsonNode definition,
      FieldCondition hide, List<Field> children) {

    JsonNode validate() {
      return definition.path("validate");
    }

    boolean isTrue(String property) {
      return definition.path(property).isBoolean() && definition.path(property).booleanValue();
    }

    String displayName() {
      String name = label == null || label.isBlank() ? String.join(".", path) : label;
      return "「" + name + "」";
    }
  }

  private final String id;
  private final List<Field> fields;

  private FormDefinition(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  static FormDefinition parse(InputStream json) {
    try {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form", e);
    }
  }

  /** A task without a Camunda Form: it takes no values at all. */
  static FormDefinition empty(String id) {
    return new FormDefinition(id, List.of());
  }

  static FormDefinition parse(JsonNode schema) {
    return new FormDefinition(schema.path("id").asText(null),
        fields(schema.path("components"), List.of()));
  }

  private static List<Field> fields(JsonNode components, List<String> prefix) {
    List<Field> result = new ArrayList<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (DISPLAY_ONLY.contains(type)) {
        continue;
      }
      FieldCondition hide = component.path("conditional").path("hide").isTextual()
          ? FieldCondition.parse(component.path("conditional").path("hide").asText())
          : null;
      String label = component.path("label").asText(null);
      if (CONTAINERS.contains(type)) {
        List<String> path = append(prefix, component.path("path").asText(""));
        boolean list = "dynamiclist".equals(type);
        List<Field> children = fields(component.path("components"), list ? List.of() : path);
        result.add(new Field(component.path("id").asText(), type, label, path, component, hide, children));
      } else if (component.hasNonNull("key")) {
        result.add(new Field(component.path("id").asText(), type, label,
            append(prefix, component.path("key").asText()), component, hide, List.of()));
      }
    }
    return List.copyOf(result);
  }

  private static List<String> append(List<String> prefix, String dotted) {
    List<String> path = new ArrayList<>(prefix);
    for (String segment : dotted.split("\\.")) {
      if (!segment.isEmpty()) {
        path.add(segment);
      }
    }
    return List.copyOf(path);
  }

  String id() {
    return id;
  }

  List<Field> fields() {
    return fields;
  }

  /** The process variables this form may write: the first path segment of each field. */
  Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    collectNames(fields, names);
    return names;
  }

  private static void collectNames(List<Field> fields, Set<String> into) {
    for (Field field : fields) {
      if (!field.path().isEmpty()) {
        into.add(field.path().get(0));
      } else {
        collectNames(field.children(), into);
      }
    }
  }

  /** Every condition of the form, for the model-conventions test. */
  List<FieldCondition> conditions() {
    List<FieldCondition> conditions = new ArrayList<>();
    collect(fields, conditions);
    return conditions;
  }

  private static void collect(List<Field> fields, List<FieldCondition> into) {
    for (Field field : fields) {
      if (field.hide() != null) {
        into.add(field.hide());
      }
      collect(field.children(), into);
    }
  }
}
