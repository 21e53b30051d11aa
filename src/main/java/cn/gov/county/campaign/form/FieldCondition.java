package cn.gov.county.campaign.form;

import camundajar.impl.scala.Product;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Ref;

/**
 * A form's {@code conditional.hide} expression, evaluated by the FEEL engine that ships with
 * Camunda (feel-scala, {@code org.camunda.feel}). Like form-js, a field is hidden only when the
 * expression yields {@code true}; comparisons with null follow FEEL (null = "x" is false,
 * not(null) is null).
 *
 * <p>Tasklist evaluates the same expression with a different FEEL implementation (feelin in
 * form-js). Both agree on names, paths, literals, comparisons, {@code and}, {@code or},
 * {@code not(...)} and arithmetic; built-in functions, iterations and filters may differ. An
 * expression using those, or one that does not parse, is {@link #isSupported() unsupported}: the
 * validator then cannot tell whether the field is shown and does not require it. The
 * model-conventions test keeps the project's own forms supported.
 */
public final class FieldCondition {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The syntax-tree nodes on which feel-scala and form-js agree. */
  private static final Set<String> AGREED_NODES = Set.of("ConstBool", "ConstNull", "ConstNumber",
      "ConstString", "Ref", "PathExpression", "Not", "Conjunction", "Disjunction", "Equal",
      "LessThan", "LessOrEqual", "GreaterThan", "GreaterOrEqual", "Addition", "Subtraction",
      "Multiplication", "Division", "ArithmeticNegation", "FunctionInvocation",
      "PositionalFunctionParameters", "$colon$colon" /* a list */, "Nil");

  private final String source;
  private final ParsedExpression parsed;
  private final Set<String> variables;

  private FieldCondition(String source, ParsedExpression parsed, Set<String> variables) {
    this.source = source;
    this.parsed = parsed;
    this.variables = variables;
  }

  static FieldCondition parse(String expression) {
    String text = expression.strip();
    if (text.startsWith("=")) {
      text = text.substring(1);
    }
    ParseResult result = FEEL.parseExpression(text);
    if (result.isFailure()) {
      return new FieldCondition(expression, null, Set.of());
    }
    Set<String> variables = new LinkedHashSet<>();
    if (!agreed(result.parsedExpression().expression(), variables)) {
      return new FieldCondition(expression, null, Set.of());
    }
    return new FieldCondition(expression, result.parsedExpression(), variables);
  }

  /** Whether the server can evaluate this {@code conditional.hide} expression as Tasklist does. */
  public static boolean supports(String expression) {
    return parse(expression).isSupported();
  }

  boolean isSupported() {
    return parsed != null;
  }

  String source() {
    return source;
  }

  /**
   * True only when the expression yields boolean true for these data.
   *
   * @param data the value at a path of names (first the variable, then its properties), or a
   *     null or missing node when there is none
   */
  boolean isTrue(Function<List<String>, JsonNode> data) {
    Map<String, Object> context = new HashMap<>();
    for (String name : variables) {
      JsonNode node = data.apply(List.of(name));
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        context.put(name, node.isNumber() ? node.decimalValue() : JSON.convertValue(node, Object.class));
      }
    }
    EvaluationResult result = FEEL.evaluate(parsed, context);
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }

  /**
   * Whether the tree uses only nodes on which both FEEL implementations agree; collects the
   * top-level variable names it reads.
   */
  private static boolean agreed(Object node, Set<String> variables) {
    if (!(node instanceof Product product)) {
      return true;
    }
    String type = node.getClass().getSimpleName(); // a Scala case object's class ends in $
    if (!AGREED_NODES.contains(type.endsWith("$") ? type.substring(0, type.length() - 1) : type)) {
      return false;
    }
    if (node instanceof FunctionInvocation invocation && !"not".equals(invocation.function())) {
      return false;
    }
    if (node instanceof Ref ref) {
      variables.add(ref.names().head());
      return true;
    }
    for (int i = 0; i < product.productArity(); i++) {
      if (!agreed(product.productElement(i), variables)) {
        return false;
      }
    }
    return true;
  }
}
