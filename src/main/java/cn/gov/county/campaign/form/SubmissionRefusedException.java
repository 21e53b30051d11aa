package cn.gov.county.campaign.form;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion or process start refused because its values break the rules of its Camunda
 * Form (or a {@link FormRule} of that form). Thrown by the engine guard before the engine runs the
 * command, so nothing is stored and the task stays open. The REST API answers it with HTTP 400;
 * {@code guard.RefusalResponseFilter} turns the answer into the Chinese message with the list of
 * fields.
 *
 * <p>Extends the engine's own form-field exception so that the REST API answers 400 for it even
 * where our response filter does not run.
 */
public class SubmissionRefusedException extends FormFieldValidationException {

  private final String formId;
  private final transient List<FieldViolation> violations;

  public SubmissionRefusedException(String formId, List<FieldViolation> violations) {
    super(formId, message(violations));
    this.formId = formId;
    this.violations = List.copyOf(violations);
  }

  public String formId() {
    return formId;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** The sentence a clerk reads. */
  public String clerkMessage() {
    return message(violations);
  }

  private static String message(List<FieldViolation> violations) {
    StringBuilder message = new StringBuilder("表单填写有误，未提交，请修改后重新提交：");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "；").append(violations.get(i).message());
    }
    return message.append("。").toString();
  }
}
