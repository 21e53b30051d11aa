package cn.gov.county.campaign.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The part of FEEL that forms use in {@code conditional.hide}: names (with dots), string, number,
 * boolean and null literals, {@code = != < <= > >=}, {@code and}, {@code or}, {@code not(...)} and
 * parentheses. Like form-js, a field is hidden only when the expression yields {@code true};
 * comparisons with null follow FEEL (null = "x" is false, not(null) is null).
 *
 * <p>An expression outside this subset is {@link #isSupported() unsupported}; the validator then
 * cannot tell whether the field is shown and does not require it. The model-conventions test
 * keeps the project's own forms inside the subset.
 */
public final class FieldCondition {

  private final String source;
  private final Node root;

  private FieldCondition(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  static FieldCondition parse(String expression) {
    String text = expression.strip();
    if (text.startsWith("=")) {
      text = text.substring(1);
    }
    try {
      Parser parser = new Parser(tokenize(text));
      Node node = parser.expression();
      parser.expectEnd();
      return new FieldCondition(expression, node);
    } catch (IllegalArgumentException e) {
      return new FieldCondition(expression, null);
    }
  }

  /** Whether the server can evaluate this {@code conditional.hide} expression. */
  public static boolean supports(String expression) {
    return parse(expression).isSupported();
  }

  boolean isSupported() {
    return root != null;
  }

  String source() {
    return source;
  }

  /** True only when the expression yields boolean true for these data. */
  boolean isTrue(Function<List<String>, JsonNode> data) {
    return Boolean.TRUE.equals(root.evaluate(data));
  }

  // ---- evaluation -------------------------------------------------------------------------

  private interface Node {
    Object evaluate(Function<List<String>, JsonNode> data);
  }

  private record Literal(Object value) implements Node {
    public Object evaluate(Function<List<String>, JsonNode> data) {
      return value;
    }
  }

  private record Name(List<String> path) implements Node {
    public Object evaluate(Function<List<String>, JsonNode> data) {
      JsonNode node = data.apply(path);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isTextual()) {
        return node.textValue();
      }
      return node;
    }
  }

  private record Not(Node operand) implements Node {
    public Object evaluate(Function<List<String>, JsonNode> data) {
      Object value = operand.evaluate(data);
      return value instanceof Boolean b ? !b : null;
    }
  }

  private record Logical(String operator, Node left, Node right) implements Node {
    public Object evaluate(Function<List<String>, JsonNode> data) {
      Object l = left.evaluate(data);
      Object r = right.evaluate(data);
      if ("and".equals(operator)) {
        if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
          return false;
        }
        return l instanceof Boolean && r instanceof Boolean ? Boolean.TRUE : null;
      }
      if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
        return true;
      }
      return l instanceof Boolean && r instanceof Boolean ? Boolean.FALSE : null;
    }
  }

  private record Comparison(String operator, Node left, Node right) implements Node {
    public Object evaluate(Function<List<String>, JsonNode> data) {
      Object l = left.evaluate(data);
      Object r = right.evaluate(data);
      switch (operator) {
        case "=":
          return equal(l, r);
        case "!=":
          return !equal(l, r);
        default:
          if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
            int c = a.compareTo(b);
            return switch (operator) {
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
          }
          if (l instanceof String a && r instanceof String b) {
            int c = a.compareTo(b);
            return switch (operator) {
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
          }
          return null;
      }
    }

    private static boolean equal(Object l, Object r) {
      if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
        return a.compareTo(b) == 0;
      }
      return Objects.equals(l, r);
    }
  }

  // ---- parsing ----------------------------------------------------------------------------

  private record Token(String kind, String text) {
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated string");
        }
        tokens.add(new Token("string", text.substring(i + 1, end)));
        i = end + 1;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(String.valueOf(c), String.valueOf(c)));
        i++;
      } else if (c == '!' || c == '<' || c == '>' || c == '=') {
        boolean twoChars = i + 1 < text.length() && text.charAt(i + 1) == '=' && c != '=';
        if (c == '!' && !twoChars) {
          throw new IllegalArgumentException("unexpected !");
        }
        String op = twoChars ? text.substring(i, i + 2) : String.valueOf(c);
        tokens.add(new Token("op", op));
        i += op.length();
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
        int start = i++;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token("number", text.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token("name", text.substring(start, i)));
      } else {
        throw new IllegalArgumentException("unexpected " + c);
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int position;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Node expression() {
      Node node = conjunction();
      while (peekName("or")) {
        position++;
        node = new Logical("or", node, conjunction());
      }
      return node;
    }

    private Node conjunction() {
      Node node = comparison();
      while (peekName("and")) {
        position++;
        node = new Logical("and", node, comparison());
      }
      return node;
    }

    private Node comparison() {
      Node left = operand();
      if (position < tokens.size() && tokens.get(position).kind().equals("op")) {
        String operator = tokens.get(position++).text();
        return new Comparison(operator, left, operand());
      }
      return left;
    }

    private Node operand() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("unexpected end");
      }
      Token token = tokens.get(position++);
      switch (token.kind()) {
        case "string":
          return new Literal(token.text());
        case "number":
          return new Literal(new BigDecimal(token.text()));
        case "(":
          Node inner = expression();
          expect(")");
          return inner;
        case "name":
          switch (token.text()) {
            case "true":
              return new Literal(Boolean.TRUE);
            case "false":
              return new Literal(Boolean.FALSE);
            case "null":
              return new Literal(null);
            case "not":
              expect("(");
              Node negated = expression();
              expect(")");
              return new Not(negated);
            case "and", "or":
              throw new IllegalArgumentException("unexpected " + token.text());
            default:
              if (position < tokens.size() && tokens.get(position).kind().equals("(")) {
                throw new IllegalArgumentException("function " + token.text() + " not supported");
              }
              return new Name(List.of(token.text().split("\\.")));
          }
        default:
          throw new IllegalArgumentException("unexpected " + token.text());
      }
    }

    private boolean peekName(String name) {
      return position < tokens.size() && tokens.get(position).kind().equals("name")
          && tokens.get(position).text().equals(name);
    }

    private void expect(String kind) {
      if (position >= tokens.size() || !tokens.get(position).kind().equals(kind)) {
        throw new IllegalArgumentException("expected " + kind);
      }
      position++;
    }

    void expectEnd() {
      if (position != tokens.size()) {
        throw new IllegalArgumentException("unexpected " + tokens.get(position).text());
      }
    }
  }
}
