package cn.gov.county.campaign.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Validates every task completion and every process start that goes through a Camunda Form, on
 * the server, before the engine sees the request: REST clients ({@code /engine-rest}) and the
 * webapps ({@code /camunda/api/engine}) alike. A bad submission is answered with HTTP 400 and a
 * Chinese message naming each field; the engine is not called, so the task stays open and
 * nothing is stored.
 *
 * <p>Runs after authentication: it reads the task and its form as the requesting user, so a user
 * who may not see the task gets the engine's own 403/404, not a validation message.
 */
class FormSubmissionFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Path after the REST root, with an optional named-engine prefix. */
  private static final String ENGINE = "(?:/engine/[^/]+)?";
  private static final Pattern TASK = Pattern.compile(
      ENGINE + "/task/([^/]+)/(?:complete|submit-form|resolve)/?");
  private static final Pattern START_BY_ID = Pattern.compile(
      ENGINE + "/process-definition/(?!key/)([^/]+)/(?:start|submit-form)/?");
  private static final Pattern START_BY_KEY = Pattern.compile(
      ENGINE + "/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(?:start|submit-form)/?");

  private final ProcessEngine engine;
  private final List<String> restRoots;
  private final Supplier<List<FormRule>> rules;

  FormSubmissionFilter(ProcessEngine engine, List<String> restRoots, Supplier<List<FormRule>> rules) {
    this.engine = engine;
    this.restRoots = restRoots;
    this.rules = rules;
  }

  /** Only task completions and process starts; every other request passes untouched and unread. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    return restPath(request)
        .map(path -> !(TASK.matcher(path).matches() || START_BY_ID.matcher(path).matches()
            || START_BY_KEY.matcher(path).matches()))
        .orElse(true);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = restPath(request).orElseThrow();
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest replay = new ReplayedRequest(request, body);

    Optional<Submission> submission;
    try {
      submission = submission(path, body);
    } catch (ProcessEngineException e) {
      // not visible to this user, not found, no form: the engine answers for itself
      LOG.debug("No form check for {}: {}", path, e.getMessage());
      submission = Optional.empty();
    }
    if (submission.isPresent()) {
      Submission s = submission.get();
      List<FieldViolation> violations = new ArrayList<>(
          FormValidator.now().validate(s.form(), s.variables(), s.existing()));
      if (violations.isEmpty()) {
        violations.addAll(formRules(s));
      }
      if (!violations.isEmpty()) {
        reject(response, s.form(), violations);
        return;
      }
    }
    chain.doFilter(replay, response);
  }

  /** The form's own rules, on the values as they will be after the submission. */
  private List<FieldViolation> formRules(Submission submission) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    submission.existing().forEach((name, value) -> values.put(name, value.value()));
    submission.variables().forEach((name, value) -> values.put(name, value.value()));
    List<FieldViolation> violations = new ArrayList<>();
    // a rule looks at the whole campaign (does this code exist?), whatever the user may read
    var identity = engine.getIdentityService();
    var authentication = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (FormRule rule : rules.get()) {
        if (rule.formId().equals(submission.form().id())) {
          violations.addAll(rule.check(values));
        }
      }
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
    return violations;
  }

  private record Submission(FormDefinition form, Map<String, VariableInput> variables,
      Map<String, VariableInput> existing) {
  }

  private Optional<Submission> submission(String path, byte[] body) {
    Matcher task = TASK.matcher(path);
    if (task.matches()) {
      return taskSubmission(task.group(1), body);
    }
    Matcher byId = START_BY_ID.matcher(path);
    if (byId.matches()) {
      return startSubmission(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionId(byId.group(1)), body);
    }
    Matcher byKey = START_BY_KEY.matcher(path);
    if (byKey.matches()) {
      ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(byKey.group(1)).latestVersion();
      query = byKey.group(2) == null ? query.withoutTenantId() : query.tenantIdIn(byKey.group(2));
      return startSubmission(query, body);
    }
    return Optional.empty();
  }

  private Optional<Submission> taskSubmission(String taskId, byte[] body) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null || !hasCamundaForm(task.getCamundaFormRef()) || !mayWorkOn(task)) {
      return Optional.empty();
    }
    Optional<Map<String, VariableInput>> variables = variables(body);
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    FormDefinition form;
    try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
      form = FormDefinition.parse(in);
    } catch (IOException e) {
      throw new ProcessEngineException("Cannot read the form of task " + taskId, e);
    }
    Map<String, VariableInput> existing = new LinkedHashMap<>();
    VariableMap visible = engine.getTaskService().getVariablesTyped(taskId, false);
    visible.keySet().forEach(name -> existing.put(name, VariableInput.fromEngine(visible.getValueTyped(name))));
    return Optional.of(new Submission(form, variables.get(), existing));
  }

  private Optional<Submission> startSubmission(ProcessDefinitionQuery query, byte[] body) {
    ProcessDefinition definition = query.singleResult();
    if (definition == null || !mayStart(definition)) {
      return Optional.empty();
    }
    CamundaFormRef formRef = engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef();
    if (!hasCamundaForm(formRef)) {
      return Optional.empty();
    }
    Optional<Map<String, VariableInput>> variables = variables(body);
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = engine.getFormService().getDeployedStartForm(definition.getId())) {
      return Optional.of(new Submission(FormDefinition.parse(in), variables.get(), Map.of()));
    } catch (IOException e) {
      throw new ProcessEngineException("Cannot read the start form of " + definition.getId(), e);
    }
  }

  /** A user who may see the task but not work on it gets the engine's 403, not our 400. */
  private boolean mayWorkOn(Task task) {
    String definitionKey = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
    return isAuthorized(TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
        || isAuthorized(Permissions.UPDATE, Resources.TASK, task.getId())
        || isAuthorized(ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, definitionKey)
        || isAuthorized(ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, definitionKey);
  }

  /** A user who may read the definition but not start it gets the engine's 403, not our 400. */
  private boolean mayStart(ProcessDefinition definition) {
    return isAuthorized(ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey())
        && isAuthorized(ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY);
  }

  private boolean isAuthorized(Permission permission, Resource resource, String resourceId) {
    var authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || !engine.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return true;
    }
    return engine.getAuthorizationService().isUserAuthorized(authentication.getUserId(),
        authentication.getGroupIds(), permission, resource, resourceId);
  }

  private static boolean hasCamundaForm(CamundaFormRef ref) {
    return ref != null && ref.getKey() != null;
  }

  /** The request's variables; empty when the body is not the JSON the REST API expects. */
  private static Optional<Map<String, VariableInput>> variables(byte[] body) {
    Map<String, VariableInput> variables = new LinkedHashMap<>();
    if (body.length == 0) {
      return Optional.of(variables);
    }
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      JsonNode dtos = root.path("variables");
      if (!dtos.isMissingNode() && !dtos.isNull() && !dtos.isObject()) {
        return Optional.empty();
      }
      dtos.fields().forEachRemaining(e -> variables.put(e.getKey(), VariableInput.fromRest(e.getValue())));
      return Optional.of(variables);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> restPath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    for (String root : restRoots) {
      if (uri.startsWith(root + "/")) {
        return Optional.of(uri.substring(root.length()));
      }
    }
    return Optional.empty();
  }

  private static void reject(HttpServletResponse response, FormDefinition form, List<FieldViolation> violations)
      throws IOException {
    StringBuilder message = new StringBuilder("表单填写有误，未提交，请修改后重新提交：");
    for (int i = 0; i < violations.size(); i++) {
      message.append(i == 0 ? "" : "；").append(violations.get(i).message());
    }
    message.append("。");
    ObjectNode dto = JSON.createObjectNode();
    dto.put("type", "FormValidationException");
    dto.put("message", message.toString());
    dto.put("form", form.id());
    ArrayNode list = dto.putArray("violations");
    violations.forEach(v -> list.addObject()
        .put("field", v.field()).put("label", v.label()).put("message", v.message()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(dto));
    LOG.info("Rejected a submission of form {}: {}", form.id(), message);
  }

  /** The request with its body read once and offered again to the REST resources. */
  private static final class ReplayedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }
  }
}
