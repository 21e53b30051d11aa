package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.form.FieldCondition;
import cn.gov.county.campaign.organization.DepartmentFormOptions;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The conventions of STYLE.md, checked over every file in processes/ and forms/. */
@CampaignIntegrationTest
class ModelConventionsTest {

  /** Government campaign records are kept 30 years (定期30年); see docs/operations.md "History and retention". */
  static final int RETENTION_DAYS = 10958;

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION_BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
  private static final Pattern BUSINESS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern GENERATED = Pattern.compile(".*_([0-9a-z]{7}|\\d+)$");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  /** Element type → the id prefix STYLE.md asks for. */
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("startEvent", "StartEvent"), Map.entry("endEvent", "EndEvent"),
      Map.entry("userTask", "UserTask"), Map.entry("serviceTask", "ServiceTask"),
      Map.entry("sendTask", "SendTask"), Map.entry("receiveTask", "ReceiveTask"),
      Map.entry("scriptTask", "ScriptTask"), Map.entry("businessRuleTask", "BusinessRuleTask"),
      Map.entry("manualTask", "ManualTask"), Map.entry("task", "Task"),
      Map.entry("callActivity", "CallActivity"), Map.entry("subProcess", "SubProcess"),
      Map.entry("exclusiveGateway", "Gateway"), Map.entry("parallelGateway", "Gateway"),
      Map.entry("inclusiveGateway", "Gateway"), Map.entry("eventBasedGateway", "Gateway"),
      Map.entry("boundaryEvent", "BoundaryEvent"),
      Map.entry("intermediateCatchEvent",
          "IntermediateCatchEvent|TimerEvent|MessageEvent|SignalEvent|ConditionalEvent|Event"),
      Map.entry("intermediateThrowEvent", "IntermediateThrowEvent|Event"),
      Map.entry("sequenceFlow", "SequenceFlow"));

  @Autowired
  ApplicationContext applicationContext;

  @Autowired
  Organization organization;

  @Autowired
  cn.gov.county.campaign.campaign.CampaignChecklist checklist;

  private static List<Path> files(String dir, String extension) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(dir))) {
      return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Path file : files("forms", ".form")) {
      forms.put(baseName(file), new ObjectMapper().readTree(file.toFile()));
    }
    return forms;
  }

  @Test
  void processIdsAndFileNamesFollowTheHouseStyle() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<String> processIds = model.getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable).map(Process::getId).toList();
      if (!processIds.contains(baseName(file))) {
        problems.add(file + ": no executable process with the file's name");
      }
      processIds.stream().filter(id -> !id.matches("[A-Z][A-Za-z0-9]*Process"))
          .forEach(id -> problems.add(file + ": process id " + id + " should end in 'Process'"));
    }
    for (Path file : files("processes", ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      List<String> decisions = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
      if (!decisions.contains(baseName(file)) || !baseName(file).endsWith("Decision")) {
        problems.add(file + ": should hold a decision with the file's name, ending in 'Decision'");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void elementIdsNameTheBusinessThingAndNodesHaveChineseLabels() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        String type = element.getElementType().getTypeName();
        String prefixes = PREFIXES.get(type);
        String id = element.getId();
        if (prefixes == null) {
          continue;
        }
        Matcher matcher = Pattern.compile("(" + prefixes + ")_(.+)").matcher(id);
        if (!matcher.matches() || !BUSINESS_NAME.matcher(matcher.group(2)).matches()
            || GENERATED.matcher(id).matches()) {
          problems
              .add(file + ": " + type + " id '" + id + "' should be " + prefixes.split("\\|")[0] + "_<BusinessName>");
        }
        boolean isJoin = element instanceof Gateway gateway && gateway.getOutgoing().size() <= 1;
        if (element instanceof FlowNode && !isJoin
            && (element.getName() == null || !CHINESE.matcher(element.getName()).find())) {
          problems.add(file + ": " + id + " needs a Chinese label");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyExecutableProcessKeepsItsHistoryForTheRetentionPeriod() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        String ttl = process.getCamundaHistoryTimeToLiveString();
        if (!process.isExecutable()) {
          continue;
        }
        if (ttl == null) {
          problems.add(file + ": " + process.getId() + " has no camunda:historyTimeToLive");
        } else {
          int days = ttl.startsWith("P") ? Period.parse(ttl).getDays() : Integer.parseInt(ttl);
          if (days < RETENTION_DAYS) {
            problems
                .add(file + ": " + process.getId() + " keeps history " + days + " days, less than " + RETENTION_DAYS);
          }
        }
      }
    }
    for (Path file : files("processes", ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": " + decision.getId() + " has no camunda:historyTimeToLive");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFlowNodeAndFlowHasDiagramInformation() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
      Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(e -> ((BaseElement) e.getBpmnElement()).getId()).collect(Collectors.toSet());
      model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
          .filter(id -> !shapes.contains(id)).forEach(id -> problems.add(file + ": no shape for " + id));
      model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
          .filter(id -> !edges.contains(id)).forEach(id -> problems.add(file + ": no edge for " + id));
    }
    assertThat(problems).isEmpty();
  }

  /** Issue 4: every task carries a deadline, and no model holds a literal date or duration. */
  @Test
  void everyUserTaskHasADeadlineAndTimersReadTheirDatesFromExpressions() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String due = task.getCamundaDueDate();
        if (due == null || !due.startsWith("${")) {
          problems.add(file + ": " + task.getId() + " has no due date expression (" + due + ")");
        }
      }
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        for (var time : java.util.Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
          if (time != null && !time.getTextContent().strip().startsWith("${")) {
            problems.add(file + ": " + timer.getId() + " holds a literal time " + time.getTextContent());
          }
        }
      }
      for (ModelElementInstance element : model.getModelElementsByType(FlowNode.class)) {
        String retries = element.getAttributeValueNs(CAMUNDA_NS, "failedJobRetryTimeCycle");
        if (retries != null && !retries.startsWith("${")) {
          problems.add(file + ": " + ((FlowNode) element).getId() + " holds a literal retry cycle " + retries);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormRefResolvesToAFormInForms() throws IOException {
    Map<String, JsonNode> forms = forms();
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ModelElementInstance element : model.getModelElementsByType(FlowNode.class)) {
        String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef != null && !forms.containsKey(formRef)) {
          problems.add(file + ": " + ((FlowNode) element).getId() + " refers to missing form " + formRef);
        }
        if (formRef != null && !"deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
          problems.add(file + ": " + ((FlowNode) element).getId() + " should bind its form to the deployment");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateExpressionNamesABean() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      collectDelegateExpressions(model.getDocument().getRootElement(), file, problems);
    }
    assertThat(problems).isEmpty();
  }

  private void collectDelegateExpressions(DomElement element, Path file, List<String> problems) {
    String expression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (expression != null) {
      Matcher matcher = EXPRESSION_BEAN.matcher(expression);
      if (!matcher.matches() || !applicationContext.containsBean(matcher.group(1))) {
        problems.add(file + ": delegateExpression " + expression + " names no bean");
      }
    }
    element.getChildElements().forEach(child -> collectDelegateExpressions(child, file, problems));
  }

  @Test
  void formsAreNamedAfterTheirIdAndSpeakChinese() throws IOException {
    List<String> problems = new ArrayList<>();
    forms().forEach((fileName, form) -> {
      String id = form.path("id").asText();
      if (!id.equals(fileName) || !id.matches("[A-Z][A-Za-z0-9]*Form")) {
        problems.add("forms/" + fileName + ".form: id '" + id + "' should equal the file name and end in 'Form'");
      }
      form.findParents("key").forEach(component -> {
        String label = component.path("label").asText("");
        if (!CHINESE.matcher(label).find()) {
          problems.add(id + ": field " + component.path("key").asText() + " needs a Chinese label");
        }
      });
      form.findValues("hide").forEach(hide -> {
        if (!FieldCondition.supports(hide.asText())) {
          problems.add(id + ": condition " + hide.asText() + " cannot be evaluated by the server-side validation");
        }
      });
    });
    assertThat(problems).isEmpty();
  }

  /** The options of a field with static values, value → label. */
  private static Map<String, String> options(String formId, String key) throws IOException {
    JsonNode field = forms().get(formId).findParents("key").stream()
        .filter(c -> c.path("key").asText().equals(key)).findFirst().orElseThrow();
    Map<String, String> offered = new java.util.LinkedHashMap<>();
    field.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
    return offered;
  }

  /**
   * Start forms cannot read the departments from variables (valuesKey): their department fields
   * are filled from the organization when deployed, and the files list the demo county's.
   */
  @Test
  void startFormsOfferExactlyTheOrganizationsDepartments() throws IOException {
    Map<String, String> departments = organization.departments().stream()
        .collect(Collectors.toMap(Organization.Department::id, Organization.Department::name,
            (a, b) -> a, java.util.LinkedHashMap::new));
    for (var field : List.of(List.of("InformationRequestStartForm", "department"),
        List.of("CampaignLaunchForm", "excludedDepartments"), List.of("ProblemAssignmentForm", "problemDepartment"),
        List.of("ComplaintRegistrationForm", "department"), List.of("SupervisionCaseForm", "department"))) {
      JsonNode component = forms().get(field.get(0)).findParents("key").stream()
          .filter(c -> c.path("key").asText().equals(field.get(1))).findFirst().orElseThrow();
      assertThat(component.path("properties").path("options").asText())
          .as(field + " is filled from the organization when deployed").isEqualTo(DepartmentFormOptions.MARK);
    }
    assertThat(options("InformationRequestStartForm", "department")).containsExactlyEntriesOf(departments);
    assertThat(options("CampaignLaunchForm", "excludedDepartments")).containsExactlyEntriesOf(departments);
    assertThat(options("ProblemAssignmentForm", "problemDepartment")).containsExactlyEntriesOf(departments);
    assertThat(options("ComplaintRegistrationForm", "department")).containsExactlyEntriesOf(departments);
    assertThat(options("SupervisionCaseForm", "department")).containsExactlyEntriesOf(departments);
  }

  @Test
  void theLaunchFormOffersExactlyTheDefaultChecklist() throws IOException {
    Map<String, String> defaults = new java.util.LinkedHashMap<>();
    checklist.defaults().forEach(item -> defaults.put(item.code(), item.text()));
    assertThat(options("CampaignLaunchForm", "excludedChecklistItems")).containsExactlyEntriesOf(defaults);
  }
}
