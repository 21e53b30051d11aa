package cn.gov.county.campaign.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks submitted variables against a Camunda Form's rules, as the browser would, on the
 * server: only the form's own fields may be written; required, type, length (a String variable
 * holds at most 4,000 characters), min/max, pattern, e-mail/phone, allowed values, date format,
 * no past dates where the form says so, and read-only fields unchanged.
 */
final class FormValidator {

  /** The engine stores a String variable in VARCHAR(4000). */
  static final int MAX_STRING_VARIABLE_LENGTH = 4000;

  /** "Today" for {@code disallowPassedDates} is the date in China. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");
  private static final Pattern EMAIL = Pattern.compile("^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern TIME = Pattern.compile("^\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?$");
  private static final Pattern DATE_TIME = Pattern
      .compile("^(\\d{4}-\\d{2}-\\d{2})T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$");

  private final LocalDate today;

  /** Option marks whose values the server fills in when a form is fetched: the FormOptionSource names. */
  private final Set<String> filledWhenFetched;

  /**
   * @param filledWhenFetched the names of the {@link FormOptionSource}s ({@link FormOptions} fills the
   *                          fields marked with them when a form is fetched; the form's rules check
   *                          their values)
   */
  FormValidator(LocalDate today, Set<String> filledWhenFetched) {
    this.today = today;
    this.filledWhenFetched = Set.copyOf(filledWhenFetched);
  }

  static FormValidator now(Set<String> filledWhenFetched) {
    return new FormValidator(LocalDate.now(CHINA), filledWhenFetched);
  }

  /**
   * @param submitted the variables of the request
   * @param existing  the variables the task already sees (empty for a process start)
   */
  List<FieldViolation> validate(FormDefinition form, Map<String, VariableInput> submitted,
      Map<String, VariableInput> existing) {
    List<FieldViolation> violations = new ArrayList<>();
    Set<String> allowed = form.variableNames();
    for (String name : submitted.keySet()) {
      if (!allowed.contains(name)) {
        violations.add(new FieldViolation(name, name,
            "「" + name + "」不是本表单的填报项，不能随表单提交"));
      }
    }
    Map<String, VariableInput> effective = new HashMap<>(existing);
    effective.putAll(submitted);
    Run run = new Run(effective, submitted, existing, violations);
    for (FormDefinition.Field field : form.fields()) {
      run.check(field, null, "");
    }
    return violations;
  }

  private final class Run {
    private final Map<String, VariableInput> effective;
    private final Map<String, VariableInput> submitted;
    private final Map<String, VariableInput> existing;
    private final List<FieldViolation> violations;

    Run(Map<String, VariableInput> effective, Map<String, VariableInput> submitted,
        Map<String, VariableInput> existing, List<FieldViolation> violations) {
      this.effective = effective;
      this.submitted = submitted;
      this.existing = existing;
      this.violations = violations;
    }

    /** @param item the dynamic-list row the field is in, or null */
    void check(FormDefinition.Field field, JsonNode item, String where) {
      boolean mayBeHidden = false;
      if (field.hide() != null) {
        if (!field.hide().isSupported()) {
          mayBeHidden = true;
        } else if (field.hide().isTrue(path -> lookup(path, item))) {
          return;
        }
      }
      String name = where + field.displayName();
      String key = String.join(".", field.path());
      boolean rootVariable = item == null && field.path().size() == 1;
      VariableInput value = value(field.path(), item);

      if (field.isTrue("readonly") || field.isTrue("disabled")) {
        if (rootVariable && submitted.containsKey(key) && changed(existing.get(key), submitted.get(key))) {
          fail(key, field, name + "为只读项，不能修改");
        }
        return;
      }
      if (value.isNull() || isBlank(value.value())) {
        if (!mayBeHidden && isRequired(field)) {
          fail(key, field, name + "为必填项，请填写");
        }
        return;
      }
      if ("checkbox".equals(field.type()) && isRequired(field) && !mayBeHidden
          && value.value().isBoolean() && !value.value().booleanValue()) {
        fail(key, field, name + "须勾选");
        return;
      }
      switch (field.type()) {
        case "textfield", "textarea", "radio", "select", "datetime" -> checkText(field, key, name, value, rootVariable);
        case "number" -> checkNumber(field, key, name, value, rootVariable);
        case "checkbox" -> {
          if (!value.value().isBoolean() || (rootVariable && !"boolean".equals(value.type()))) {
            fail(key, field, name + "应为“是/否”");
          }
        }
        case "checklist", "taglist" -> checkChoices(field, key, name, value, rootVariable);
        case "group" -> {
          if (!value.value().isObject() || (rootVariable && !"json".equals(value.type()))) {
            fail(key, field, name + "应为一组填报项（JSON 对象）");
            return;
          }
          field.children().forEach(child -> check(child, item, where));
        }
        case "dynamiclist" -> checkList(field, key, name, value, rootVariable, where);
        default -> {
          // expression, filepicker and components of later form-js versions: no rule to check
        }
      }
    }

    private void checkText(FormDefinition.Field field, String key, String name, VariableInput value,
        boolean rootVariable) {
      if (!value.value().isTextual() || (rootVariable && !"string".equals(value.type()))) {
        fail(key, field, name + "应为文本");
        return;
      }
      String text = value.value().textValue();
      int length = text.codePointCount(0, text.length());
      JsonNode rules = field.validate();
      if (rootVariable && length > MAX_STRING_VARIABLE_LENGTH) {
        fail(key, field, name + "内容过长：最多 " + MAX_STRING_VARIABLE_LENGTH + " 字，现有 " + length + " 字");
        return;
      }
      if (rules.path("minLength").isNumber() && length < rules.path("minLength").asInt()) {
        fail(key, field, name + "至少应有 " + rules.path("minLength").asInt() + " 个字");
      }
      if (rules.path("maxLength").isNumber() && length > rules.path("maxLength").asInt()) {
        fail(key, field, name + "最多 " + rules.path("maxLength").asInt() + " 个字，现有 " + length + " 字");
      }
      if (rules.path("pattern").isTextual() && !rules.path("pattern").asText().isEmpty()) {
        try {
          if (!Pattern.compile(rules.path("pattern").asText()).matcher(text).find()) {
            fail(key, field, name + "格式不正确");
          }
        } catch (PatternSyntaxException e) {
          // a pattern Java cannot read is the model's fault; the browser checked it already
        }
      }
      String validationType = rules.path("validationType").asText("");
      if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
        fail(key, field, name + "应为有效的电子邮箱地址");
      }
      if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
        fail(key, field, name + "应为有效的电话号码");
      }
      if ("radio".equals(field.type()) || "select".equals(field.type())) {
        Set<String> options = options(field);
        if (options != null && !options.contains(text)) {
          fail(key, field, name + "的取值“" + abbreviate(text) + "”不是可选项之一");
        }
      }
      if ("datetime".equals(field.type())) {
        checkDate(field, key, name, text);
      }
    }

    private void checkDate(FormDefinition.Field field, String key, String name, String text) {
      String subtype = field.definition().path("subtype").asText("date");
      String datePart;
      if ("time".equals(subtype)) {
        if (!TIME.matcher(text).matches()) {
          fail(key, field, name + "应为时间，格式如 14:30");
        }
        return;
      } else if ("datetime".equals(subtype)) {
        var matcher = DATE_TIME.matcher(text);
        if (!matcher.matches()) {
          fail(key, field, name + "应为日期和时间，格式如 2026-12-01T09:30");
          return;
        }
        datePart = matcher.group(1);
      } else {
        if (!DATE.matcher(text).matches()) {
          fail(key, field, name + "应为日期，格式如 2026-12-01");
          return;
        }
        datePart = text;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(datePart);
      } catch (DateTimeParseException e) {
        fail(key, field, name + "不是有效的日期");
        return;
      }
      if (field.isTrue("disallowPassedDates") && date.isBefore(today)) {
        fail(key, field, name + "不能早于今天（" + today + "）");
      }
    }

    private void checkNumber(FormDefinition.Field field, String key, String name, VariableInput value,
        boolean rootVariable) {
      BigDecimal number;
      JsonNode node = value.value();
      if (field.isTrue("serializeToString") && node.isTextual()) {
        try {
          number = new BigDecimal(node.textValue());
        } catch (NumberFormatException e) {
          fail(key, field, name + "应为数字");
          return;
        }
      } else if (node.isNumber() && (!rootVariable || NUMBER_TYPES.contains(value.type()))) {
        number = node.decimalValue();
      } else {
        fail(key, field, name + "应为数字");
        return;
      }
      JsonNode rules = field.validate();
      if (rules.path("min").isNumber() && number.compareTo(rules.path("min").decimalValue()) < 0) {
        fail(key, field, name + "不能小于 " + rules.path("min").asText());
      }
      if (rules.path("max").isNumber() && number.compareTo(rules.path("max").decimalValue()) > 0) {
        fail(key, field, name + "不能大于 " + rules.path("max").asText());
      }
      JsonNode digits = field.definition().path("decimalDigits");
      if (digits.isNumber() && number.stripTrailingZeros().scale() > digits.asInt()) {
        fail(key, field, digits.asInt() == 0 ? name + "应为整数" : name + "最多保留 " + digits.asInt() + " 位小数");
      }
    }

    private void checkChoices(FormDefinition.Field field, String key, String name, VariableInput value,
        boolean rootVariable) {
      JsonNode node = value.value();
      if (!node.isArray() || (rootVariable && !"json".equals(value.type()))) {
        fail(key, field, name + "应为选项列表");
        return;
      }
      Set<String> options = "taglist".equals(field.type()) || "checklist".equals(field.type()) ? options(field) : null;
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          fail(key, field, name + "的选项应为文本");
          return;
        }
        if (options != null && !options.contains(element.textValue())) {
          fail(key, field, name + "的取值“" + abbreviate(element.textValue()) + "”不是可选项之一");
          return;
        }
      }
      JsonNode rules = field.validate();
      if (rules.path("minLength").isNumber() && node.size() < rules.path("minLength").asInt()) {
        fail(key, field, name + "至少应选 " + rules.path("minLength").asInt() + " 项");
      }
      if (rules.path("maxLength").isNumber() && node.size() > rules.path("maxLength").asInt()) {
        fail(key, field, name + "最多可选 " + rules.path("maxLength").asInt() + " 项");
      }
    }

    private void checkList(FormDefinition.Field field, String key, String name, VariableInput value,
        boolean rootVariable, String where) {
      JsonNode node = value.value();
      if (!node.isArray() || (rootVariable && !"json".equals(value.type()))) {
        fail(key, field, name + "应为列表");
        return;
      }
      int row = 1;
      for (JsonNode element : node) {
        if (!element.isObject()) {
          fail(key, field, name + "第 " + row + " 行格式不正确");
        } else {
          String rowName = where + field.displayName() + "第 " + row + " 行";
          for (FormDefinition.Field child : field.children()) {
            check(child, element, rowName);
          }
        }
        row++;
      }
    }

    /**
     * The allowed values, or null where the form computes them (valuesExpression) or the server
     * fills them in when the form is fetched (campaign options, checked by the form's rules).
     */
    private Set<String> options(FormDefinition.Field field) {
      JsonNode definition = field.definition();
      JsonNode values = definition.path("values");
      if (filledWhenFetched.contains(definition.path("properties").path("options").asText())) {
        return null;
      }
      if (definition.path("valuesKey").isTextual()) {
        VariableInput source = effective.get(definition.path("valuesKey").asText());
        values = source == null ? MissingNode.getInstance() : source.value();
      } else if (definition.path("valuesExpression").isTextual()) {
        return null;
      }
      Set<String> options = new HashSet<>();
      for (JsonNode option : values) {
        options.add(option.isObject() ? option.path("value").asText() : option.asText());
      }
      return options;
    }

    private VariableInput value(List<String> path, JsonNode item) {
      if (item != null) {
        return new VariableInput(null, navigate(item, path, 0));
      }
      VariableInput root = effective.get(path.get(0));
      if (root == null) {
        return new VariableInput("null", MissingNode.getInstance());
      }
      if (path.size() == 1) {
        return root;
      }
      return new VariableInput(null, navigate(root.value(), path, 1));
    }

    /** A condition's name: {@code this.x} is field x of the current list row, other names are variables. */
    private JsonNode lookup(List<String> path, JsonNode item) {
      if ("this".equals(path.get(0))) {
        return item == null ? MissingNode.getInstance() : navigate(item, path, 1);
      }
      if (item != null) {
        JsonNode inItem = navigate(item, path, 0);
        if (!inItem.isMissingNode()) {
          return inItem;
        }
      }
      VariableInput root = effective.get(path.get(0));
      return root == null ? MissingNode.getInstance() : navigate(root.value(), path, 1);
    }

    private void fail(String key, FormDefinition.Field field, String message) {
      violations.add(new FieldViolation(key, field.label(), message));
    }
  }

  private static JsonNode navigate(JsonNode node, List<String> path, int from) {
    JsonNode current = node;
    for (int i = from; i < path.size() && current != null; i++) {
      current = current.path(path.get(i));
    }
    return current == null ? MissingNode.getInstance() : current;
  }

  private static boolean isRequired(FormDefinition.Field field) {
    return field.validate().path("required").asBoolean(false);
  }

  private static boolean isBlank(JsonNode node) {
    return (node.isTextual() && node.textValue().isBlank()) || (node.isArray() && node.isEmpty())
        || node.isMissingNode();
  }

  private static boolean changed(VariableInput before, VariableInput after) {
    JsonNode a = before == null || before.isNull() || isBlank(before.value()) ? null : before.value();
    JsonNode b = after == null || after.isNull() || isBlank(after.value()) ? null : after.value();
    return !Objects.equals(a, b);
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
