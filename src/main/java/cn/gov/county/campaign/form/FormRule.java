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
}
