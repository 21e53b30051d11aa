package cn.gov.county.campaign.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The labels a department saw for the variables it submitted: the fields of the Camunda Forms
 * deployed with the process definition (every model binds its forms with
 * {@code camunda:formRefBinding="deployment"}). Deployments never change, so what is read once is
 * kept.
 */
@Component
class DepartmentDossierForms {

  private static final Logger LOG = LoggerFactory.getLogger(DepartmentDossierForms.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Key prefix in {@link Labels#options} under which a dynamic list's row fields (key → label) are kept. */
  private static final String COLUMNS = "[]";

  /**
   * A form's fields by variable name, in form order.
   *
   * @param labels  variable name → field label
   * @param options variable name → option value → option label, for fields with static options
   */
  record Labels(Map<String, String> labels, Map<String, Map<String, String>> options) {

    static final Labels NONE = new Labels(Map.of(), Map.of());

    String labelOf(String variable) {
      return labels.getOrDefault(variable, variable);
    }

    /** A dynamic list's row fields: field key → label (its column headers), or null for other variables. */
    Map<String, String> columnsOf(String variable) {
      return options.get(COLUMNS + variable);
    }

    String optionLabel(String variable, String value) {
      return value == null ? null : options.getOrDefault(variable, Map.of()).get(value);
    }

    Labels or(Labels fallback) {
      Map<String, String> l = new LinkedHashMap<>(labels);
      fallback.labels.forEach(l::putIfAbsent);
      Map<String, Map<String, String>> o = new HashMap<>(options);
      fallback.options.forEach(o::putIfAbsent);
      return new Labels(l, o);
    }
  }

  private final RepositoryService repository;
  /** deployment id → form id → labels */
  private final Map<String, Map<String, Labels>> formsByDeployment = new ConcurrentHashMap<>();
  /** process definition id → (task definition key or "" for the start form) → form id */
  private final Map<String, Map<String, String>> formRefs = new ConcurrentHashMap<>();

  DepartmentDossierForms(RepositoryService repository) {
    this.repository = repository;
  }

  /** The labels of the task's form, then of every other form of its process. */
  Labels ofTask(String processDefinitionId, String taskDefinitionKey) {
    String formId = formRefs(processDefinitionId).get(taskDefinitionKey);
    Labels own = formId == null ? Labels.NONE : forms(processDefinitionId).getOrDefault(formId, Labels.NONE);
    return own.or(ofProcess(processDefinitionId));
  }

  /** The labels of every form of the process (its start form first), the first label of a name winning. */
  Labels ofProcess(String processDefinitionId) {
    Map<String, Labels> forms = forms(processDefinitionId);
    Labels all = Labels.NONE;
    for (String formId : formRefs(processDefinitionId).values()) {
      all = all.or(forms.getOrDefault(formId, Labels.NONE));
    }
    return all;
  }

  private Map<String, String> formRefs(String processDefinitionId) {
    return formRefs.computeIfAbsent(processDefinitionId, id -> {
      Map<String, String> refs = new LinkedHashMap<>();
      BpmnModelInstance model = repository.getBpmnModelInstance(id);
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          refs.putIfAbsent("", start.getCamundaFormRef());
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          refs.put(task.getId(), task.getCamundaFormRef());
        }
      }
      return refs;
    });
  }

  private Map<String, Labels> forms(String processDefinitionId) {
    ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
    return formsByDeployment.computeIfAbsent(definition.getDeploymentId(), this::readForms);
  }

  private Map<String, Labels> readForms(String deploymentId) {
    Map<String, Labels> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
        JsonNode schema = JSON.readTree(in);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Map<String, String>> options = new HashMap<>();
        collect(schema.path("components"), labels, options);
        forms.put(schema.path("id").asText(resource), new Labels(labels, options));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Form {} of deployment {} not readable, its fields are shown by variable name: {}", resource,
            deploymentId, e.getMessage());
      }
    }
    return forms;
  }

  /**
   * Fields that write a process variable: a key without dots, a group or dynamic list with a
   * path (the variable holds the whole group or list). Fields inside a dynamic list write into its
   * rows and are not variables; groups without a path are only layout.
   */
  /** The labelled fields of a dynamic list's row (layout groups without a path looked into). */
  private static void columnsOf(JsonNode components, Map<String, String> columns) {
    for (JsonNode component : components) {
      if ("group".equals(component.path("type").asText()) && component.path("path").asText("").isEmpty()) {
        columnsOf(component.path("components"), columns);
        continue;
      }
      String key = component.path("key").asText("");
      String label = component.path("label").asText("").strip();
      if (!key.isEmpty() && !label.isEmpty()) {
        columns.putIfAbsent(key, label);
      }
    }
  }

  private static void collect(JsonNode components, Map<String, String> labels,
      Map<String, Map<String, String>> options) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String label = component.path("label").asText("").strip();
      String path = component.path("path").asText("");
      if ("dynamiclist".equals(type)) {
        if (!path.isEmpty() && !path.contains(".") && !label.isEmpty()) {
          labels.putIfAbsent(path, label);
        }
        if (!path.isEmpty() && !path.contains(".")) {
          Map<String, String> columns = new LinkedHashMap<>();
          columnsOf(component.path("components"), columns);
          if (!columns.isEmpty()) {
            options.putIfAbsent(COLUMNS + path, columns);
          }
        }
        continue;
      }
      if ("group".equals(type)) {
        if (!path.isEmpty()) {
          if (!path.contains(".") && !label.isEmpty()) {
            labels.putIfAbsent(path, label);
          }
          continue;
        }
        collect(component.path("components"), labels, options);
        continue;
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || key.contains(".")) {
        continue;
      }
      if (!label.isEmpty()) {
        labels.putIfAbsent(key, label);
      }
      if (component.path("values").isArray()) {
        Map<String, String> values = new LinkedHashMap<>();
        component.path("values").forEach(v -> values.put(v.path("value").asText(), v.path("label").asText()));
        options.putIfAbsent(key, values);
      }
    }
  }
}
