package cn.gov.county.campaign;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN file of {@code processes/}, parsed by the DMN engine from the file the office reads and
 * edits, for tests of its rules: evaluates a table by its key and tells which rule matched.
 */
public final class DmnFile {

  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions = new HashMap<>();
  private String matchedRule;

  public DmnFile(String path) {
    var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(
        event -> matchedRule = event.getMatchingRules().isEmpty() ? null : event.getMatchingRules().get(0).getId()));
    engine = configuration.buildEngine();
    try (InputStream in = new FileInputStream(path)) {
      engine.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Evaluates the decision table with this key; {@link #matchedRule()} then names the rule that matched. */
  public DmnDecisionTableResult evaluate(String key, Map<String, Object> variables) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      throw new IllegalArgumentException("no decision " + key + " in the file, only " + decisions.keySet());
    }
    matchedRule = null;
    return engine.evaluateDecisionTable(decision, variables);
  }

  /** The id of the rule the last evaluation matched (the first, for a table that may match several). */
  public String matchedRule() {
    return matchedRule;
  }
}
