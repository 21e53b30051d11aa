package cn.gov.county.campaign.form;

import cn.gov.county.campaign.system.UserRights;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks a task completion or a process start against its deployed Camunda Form, as the user who
 * submits it: the form's schema ({@link FormValidator}) and then the form's {@link FormRule}s.
 * Called by the engine guard for every completion and start, whatever API or URL it came from.
 *
 * <p>A user who may not see the task, work on it or start the process is not told anything here:
 * the check stays silent and the engine refuses the command itself (403/404), so no other
 * department's field names leak.
 */
@Component
public class FormSubmissions {

  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<FormRule> rules;
  private final ObjectProvider<FormOptionSource> optionSources;
  private final UserRights rights;

  FormSubmissions(ObjectProvider<ProcessEngine> engine, ObjectProvider<FormRule> rules,
      ObjectProvider<FormOptionSource> optionSources, UserRights rights) {
    this.engine = engine;
    this.rules = rules;
    this.optionSources = optionSources;
    this.rights = rights;
  }

  /** What the guard does with a submission. */
  public enum Verdict {
    /** The user may not do this; the engine will refuse it. */
    ENGINE_DECIDES,
    /** No such task, or not one the user may see. */
    NOT_FOUND,
    /** Checked and valid. */
    VALID,
    /** A start of a process that has no start form: only the system starts it. */
    NO_START_FORM
  }

  /**
   * @param variables the submitted variables (typed or plain values)
   * @throws SubmissionRefusedException when the values break the form's rules
   */
  public Verdict checkTask(String taskId, Map<String, ?> variables) {
    ProcessEngine e = engine.getObject();
    Task task = e.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return Verdict.NOT_FOUND;
    }
    if (!rights.mayWorkOn(task)) {
      return Verdict.ENGINE_DECIDES;
    }
    FormDefinition form;
    if (hasCamundaForm(task.getCamundaFormRef())) {
      try (InputStream in = e.getFormService().getDeployedTaskForm(taskId)) {
        form = FormDefinition.parse(in);
      } catch (IOException ex) {
        throw new ProcessEngineException("Cannot read the form of task " + taskId, ex);
      }
    } else {
      form = FormDefinition.empty(task.getTaskDefinitionKey());
    }
    Map<String, VariableInput> existing = new LinkedHashMap<>();
    VariableMap visible = e.getTaskService().getVariablesTyped(taskId, false);
    visible.keySet().forEach(name -> existing.put(name, VariableInput.fromEngine(visible.getValueTyped(name))));
    check(form, inputs(variables), existing);
    return Verdict.VALID;
  }

  /**
   * @throws SubmissionRefusedException when the values break the start form's rules
   */
  public Verdict checkStart(ProcessDefinition definition, Map<String, ?> variables) {
    if (definition == null || !rights.mayStart(definition.getKey())) {
      return Verdict.ENGINE_DECIDES;
    }
    ProcessEngine e = engine.getObject();
    CamundaFormRef formRef = e.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();
    if (!hasCamundaForm(formRef)) {
      return Verdict.NO_START_FORM;
    }
    try (InputStream in = e.getFormService().getDeployedStartForm(definition.getId())) {
      check(FormDefinition.parse(in), inputs(variables), Map.of());
    } catch (IOException ex) {
      throw new ProcessEngineException("Cannot read the start form of " + definition.getId(), ex);
    }
    return Verdict.VALID;
  }

  /** The option marks whose values are filled when the form is fetched: one per FormOptionSource bean. */
  private Set<String> filledWhenFetched() {
    return optionSources.stream().map(FormOptionSource::name).collect(Collectors.toSet());
  }

  private void check(FormDefinition form, Map<String, VariableInput> submitted, Map<String, VariableInput> existing) {
    List<FieldViolation> violations = new ArrayList<>(
        FormValidator.now(filledWhenFetched()).validate(form, submitted, existing));
    if (violations.isEmpty()) {
      violations.addAll(formRules(form, submitted, existing));
    }
    if (!violations.isEmpty()) {
      throw new SubmissionRefusedException(form.id(), violations);
    }
  }

  /** The form's own rules, on the values as they will be after the submission. */
  private List<FieldViolation> formRules(FormDefinition form, Map<String, VariableInput> submitted,
      Map<String, VariableInput> existing) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    existing.forEach((name, value) -> values.put(name, value.value()));
    submitted.forEach((name, value) -> values.put(name, value.value()));
    List<FieldViolation> violations = new ArrayList<>();
    // a rule looks at the whole campaign (does this code exist?), whatever the user may read
    var identity = engine.getObject().getIdentityService();
    var authentication = identity.getCurrentAuthentication();
    FormRule.Submitter submitter = authentication == null || authentication.getUserId() == null
        ? null
        : new FormRule.Submitter(authentication.getUserId(),
            authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
    identity.clearAuthentication();
    try {
      rules.orderedStream().filter(rule -> rule.formId().equals(form.id()))
          .forEach(rule -> violations.addAll(rule.check(values, submitter)));
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
    return violations;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, VariableInput> inputs(Map<String, ?> variables) {
    Map<String, VariableInput> inputs = new LinkedHashMap<>();
    if (variables != null) {
      // a VariableMap keeps each value's type; Variables.fromMap returns it as it is
      VariableMap typed = Variables.fromMap((Map<String, Object>) variables);
      typed.keySet().forEach(name -> inputs.put(name, VariableInput.fromEngine(typed.getValueTyped(name))));
    }
    return inputs;
  }

  private static boolean hasCamundaForm(CamundaFormRef ref) {
    return ref != null && ref.getKey() != null;
  }
}
