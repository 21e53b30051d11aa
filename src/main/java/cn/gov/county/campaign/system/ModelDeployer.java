package cn.gov.county.campaign.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in {@code processes/} and every form in {@code forms/} as one deployment.
 *
 * <p>Resource names are the path below the classpath root ({@code processes/X.bpmn}), the same
 * under {@code java -jar}, {@code mvn spring-boot:run} and tests, so a restart with unchanged
 * files creates no new deployment and no new process versions (the starter's auto-deployment
 * names resources by absolute path outside a jar).
 *
 * <p>A start form cannot read its options from process variables, so a form field marked
 * {@code "properties": {"options": "<mark>"}} gets the options of the {@link DeployedFormOptions}
 * with that mark when it is deployed (the organization's departments:
 * organization.DepartmentFormOptions).
 */
@Component
public class ModelDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "rectification-campaign";
  static final String[] PATTERNS = {
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final List<DeployedFormOptions> deployedOptions;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ModelDeployer(RepositoryService repositoryService, List<DeployedFormOptions> deployedOptions) {
    this.repositoryService = repositoryService;
    this.deployedOptions = deployedOptions;
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  /** Returns the resources found, by deployment resource name. */
  public Map<String, Resource> resources() {
    Map<String, Resource> found = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          found.put(nameOf(resource), resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private Deployment deploy() {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("rectification-campaign application")
        .enableDuplicateFiltering(false);
    Map<String, Resource> resources = resources();
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        byte[] content = in.readAllBytes();
        if (name.endsWith(".form")) {
          content = withDeployedOptions(content);
        }
        builder.addInputStream(name, new ByteArrayInputStream(content));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name, e);
      }
    });
    Deployment deployment = builder.deploy();
    LOG.info("Deployment '{}' ({}): {} resources {}", DEPLOYMENT_NAME, deployment.getId(),
        resources.size(), resources.keySet());
    return deployment;
  }

  /** The form with every field marked for deployed options offering them. */
  byte[] withDeployedOptions(byte[] form) throws IOException {
    JsonNode root = JSON.readTree(form);
    boolean changed = false;
    for (JsonNode field : root.findParents("properties")) {
      String mark = field.path("properties").path("options").asText();
      for (DeployedFormOptions options : deployedOptions) {
        if (options.mark().equals(mark)) {
          ArrayNode values = ((ObjectNode) field).putArray("values");
          options.options().forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
          changed = true;
        }
      }
    }
    return changed ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root) : form;
  }

  /** "processes/X.bpmn" from ".../classes/processes/X.bpmn" or "jar:...!/BOOT-INF/classes!/processes/X.bpmn". */
  static String nameOf(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int processes = url.lastIndexOf("/processes/");
      int forms = url.lastIndexOf("/forms/");
      int start = Math.max(processes, forms);
      if (start < 0) {
        throw new IllegalStateException("Not below processes/ or forms/: " + url);
      }
      return url.substring(start + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
