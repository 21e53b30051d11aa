package cn.gov.county.campaign.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The Spring-free model-test tier (*ModelTest): one in-memory engine (model-tests.camunda.cfg.xml),
 * the real models of processes/ and the forms of forms/ deployed per test, the beans the models
 * call by expression replaced with {@link Mocks#register}, called processes replaced by stubs that
 * wait in one task. Run alone with {@code mvn -B -o -q test -Dtest='*ModelTest'}.
 */
public final class ModelTests {

  /** The one task of a {@link #calledProcessStub called-process stub}. */
  public static final String CALLED_PROCESS_TASK = "UserTask_CalledProcessStub";

  private static final String CONFIGURATION = "model-tests.camunda.cfg.xml";

  private ModelTests() {
  }

  /** The engine of the tier, shared by every model test (built once per JVM). */
  public static ProcessEngineExtension engine() {
    return ProcessEngineExtension.builder().configurationResource(CONFIGURATION).build();
  }

  /**
   * Deploys the models (file names under processes/ without extension, .bpmn or .dmn) with every
   * form of forms/ (tasks bind their forms by deployment) and a stub for each called process; the
   * extension deletes the deployment after the test.
   */
  public static Deployment deploy(ProcessEngineExtension extension, List<String> models, String... calledProcessStubs) {
    DeploymentBuilder builder = extension.getRepositoryService().createDeployment().name("model-test");
    for (String model : models) {
      String bpmn = "processes/" + model + ".bpmn";
      builder.addClasspathResource(resourceExists(bpmn) ? bpmn : "processes/" + model + ".dmn");
    }
    for (String form : forms()) {
      builder.addClasspathResource("forms/" + form);
    }
    for (String key : calledProcessStubs) {
      builder.addModelInstance(key + ".bpmn", calledProcessStub(key));
    }
    Deployment deployment = builder.deploy();
    extension.manageDeployment(deployment);
    BpmnAwareTests.init(extension.getProcessEngine());
    return deployment;
  }

  /** The variables a task's form sees: its execution's, with the task's input parameters. */
  public static java.util.Map<String, Object> taskVariables(ProcessEngineExtension extension,
      org.camunda.bpm.engine.task.Task task) {
    return extension.getTaskService().getVariables(task.getId());
  }

  /** After each test: forget the registered beans and the engine of the assertions. */
  public static void reset() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  /** A process with the given key that waits in {@link #CALLED_PROCESS_TASK} and then ends. */
  public static BpmnModelInstance calledProcessStub(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().userTask(CALLED_PROCESS_TASK).endEvent().done();
  }

  /** Registers the fake deadlines every model reads (see {@link ModelDeadlines}). */
  public static ModelDeadlines registerDeadlines() {
    ModelDeadlines deadlines = new ModelDeadlines();
    Mocks.register("deadlines", deadlines);
    return deadlines;
  }

  public static ProcessEngine processEngine(ProcessEngineExtension extension) {
    return extension.getProcessEngine();
  }

  private static boolean resourceExists(String name) {
    return ModelTests.class.getClassLoader().getResource(name) != null;
  }

  private static List<String> forms;

  private static synchronized List<String> forms() {
    if (forms == null) {
      try {
        Path dir = Paths.get(ModelTests.class.getClassLoader().getResource("forms").toURI());
        try (Stream<Path> files = Files.list(dir)) {
          forms = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form")).sorted().toList();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return forms;
  }
}
