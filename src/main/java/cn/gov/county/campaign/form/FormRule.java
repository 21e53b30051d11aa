package cn.gov.county.campaign.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A rule of one form that its schema cannot express (dates in order, a code that must be unique,
 * a campaign that must exist). Spring beans of this type run after the schema checks, on the
 * same submission, and their violations are answered with the same HTTP 400.
 */
public interface FormRule {

  /** The id of the form this rule belongs to. */
  String formId();

  /**
   * @param values the variables as they will be after the submission (existing ones overlaid by
   *               the submitted ones), as JSON: strings, numbers, booleans, arrays, objects
   * @return the broken rules, each naming its field in Chinese; empty when all hold
   */
  List<FieldViolation> check(Map<String, JsonNode> values);

  /**
   * The same check for a rule that depends on who submits (a body's authority). Rules run without
   * the user's authorization, so that they see the whole campaign; this is how they learn the user.
   *
   * @param submitter the user and their groups, or null when the system submits
   */
  default List<FieldViolation> check(Map<String, JsonNode> values, Submitter submitter) {
    return check(values);
  }

  /** A rule of the form that needs only the values. */
  static FormRule of(String formId, java.util.function.Function<Map<String, JsonNode>, List<FieldViolation>> check) {
    return new FormRule() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public List<FieldViolation> check(Map<String, JsonNode> values) {
        return check.apply(values);
      }
    };
  }

  /** A rule of the form that also needs to know who submits it. */
  static FormRule bySubmitter(String formId,
      java.util.function.BiFunction<Map<String, JsonNode>, Submitter, List<FieldViolation>> check) {
    return new FormRule() {
      @Override
      public String formId() {
        return formId;
      }

      @Override
      public List<FieldViolation> check(Map<String, JsonNode> values) {
        return check.apply(values, null);
      }

      @Override
      public List<FieldViolation> check(Map<String, JsonNode> values, Submitter submitter) {
        return check.apply(values, submitter);
      }
    };
  }

  /** The user who submits a form and the user's groups. */
  record Submitter(String userId, List<String> groupIds) {
  }
}
