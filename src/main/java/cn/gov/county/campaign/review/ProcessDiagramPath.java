package cn.gov.county.campaign.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The path an instance took, from its activity history: which elements ran (and how often),
 * which are running, and which sequence flows were taken.
 *
 * <p>Camunda 7 records activity instances, not sequence flows. A flow counts as taken for each run
 * of its target that it can explain: among the runs of the target's incoming flows' sources that
 * completed (not cancelled) no later than the target run started, that started before it (in the
 * history's order of occurrence), preferring the same scope (parent activity instance), the latest
 * end and then the latest start wins, and its flow is marked. So an exclusive gateway's untaken
 * branch stays unmarked even when its target ran earlier or later for another reason (a loop
 * back), and a parallel join marks one incoming flow per arriving token. The approximation: two
 * sources ending in the same millisecond in concurrent branches can be told apart only by the
 * history's partial order of occurrence; a flow whose source and target are the same element run
 * twice in one millisecond may be credited to the wrong run. Multi-instance activities count by
 * their inner runs; flows into and out of them follow the multi-instance body.
 */
final class ProcessDiagramPath {

  static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  /**
   * One activity instance, in the history's order (start time, then occurrence).
   *
   * @param end null while it runs
   */
  record Run(String activityId, String instanceId, String parentInstanceId, Instant start, Instant end,
      boolean canceled) {

    boolean completed() {
      return end != null && !canceled;
    }
  }

  /** A sequence flow of the model. */
  record Flow(String id, String sourceId, String targetId) {
  }

  /**
   * What happened to one element.
   *
   * @param runs the runs of the element itself (inner runs for a multi-instance activity)
   */
  record Element(List<Run> runs) {

    int executions() {
      return runs.size();
    }

    boolean active() {
      return runs.stream().anyMatch(r -> r.end() == null);
    }

    boolean completed() {
      return runs.stream().anyMatch(Run::completed);
    }

    /** Ran, and every run was cancelled (an interrupting event, a deleted instance). */
    boolean canceledOnly() {
      return !runs.isEmpty() && runs.stream().allMatch(r -> r.end() != null && r.canceled());
    }
  }

  private final Map<String, Element> elements;
  private final Map<String, Integer> taken;

  private ProcessDiagramPath(Map<String, Element> elements, Map<String, Integer> taken) {
    this.elements = elements;
    this.taken = taken;
  }

  /** @param runs in the order of the history (start time, then occurrence) */
  static ProcessDiagramPath of(List<Run> runs, List<Flow> flows) {
    Map<String, List<Run>> own = new LinkedHashMap<>();
    Map<String, List<Run>> bodies = new HashMap<>();
    Map<Run, Integer> order = new HashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      order.put(run, i);
      if (run.activityId().endsWith(MULTI_INSTANCE_BODY)) {
        String element = run.activityId().substring(0, run.activityId().length() - MULTI_INSTANCE_BODY.length());
        bodies.computeIfAbsent(element, e -> new ArrayList<>()).add(run);
      } else {
        own.computeIfAbsent(run.activityId(), e -> new ArrayList<>()).add(run);
      }
    }
    Map<String, Element> elements = new HashMap<>();
    own.forEach((id, list) -> elements.put(id, new Element(List.copyOf(list))));
    bodies.forEach((id, list) -> elements.putIfAbsent(id, new Element(List.copyOf(list))));
    // a multi-instance activity whose body runs but no inner run has started yet is active
    bodies.forEach((id, list) -> {
      if (list.stream().anyMatch(r -> r.end() == null) && !elements.get(id).active()) {
        List<Run> merged = new ArrayList<>(elements.get(id).runs());
        list.stream().filter(r -> r.end() == null).forEach(merged::add);
        elements.put(id, new Element(List.copyOf(merged)));
      }
    });

    Map<String, List<Flow>> incoming = new LinkedHashMap<>();
    flows.forEach(f -> incoming.computeIfAbsent(f.targetId(), t -> new ArrayList<>()).add(f));
    Map<String, Integer> taken = new HashMap<>();
    for (Map.Entry<String, List<Flow>> entry : incoming.entrySet()) {
      for (Run target : flowRuns(entry.getKey(), own, bodies)) {
        Flow best = null;
        Run bestSource = null;
        for (Flow flow : entry.getValue()) {
          for (Run source : flowRuns(flow.sourceId(), own, bodies)) {
            if (!source.completed() || order.get(source) >= order.get(target) || source.end().isAfter(target.start())) {
              continue;
            }
            if (bestSource == null || better(source, bestSource, target, order)) {
              best = flow;
              bestSource = source;
            }
          }
        }
        if (best != null) {
          taken.merge(best.id(), 1, Integer::sum);
        }
      }
    }
    return new ProcessDiagramPath(elements, taken);
  }

  private static boolean better(Run candidate, Run current, Run target, Map<Run, Integer> order) {
    boolean candidateScope = Objects.equals(candidate.parentInstanceId(), target.parentInstanceId());
    boolean currentScope = Objects.equals(current.parentInstanceId(), target.parentInstanceId());
    if (candidateScope != currentScope) {
      return candidateScope;
    }
    int byEnd = candidate.end().compareTo(current.end());
    if (byEnd != 0) {
      return byEnd > 0;
    }
    return order.get(candidate) > order.get(current);
  }

  /** The runs through which tokens enter and leave the element: its multi-instance body if it has one. */
  private static List<Run> flowRuns(String elementId, Map<String, List<Run>> own, Map<String, List<Run>> bodies) {
    List<Run> body = bodies.get(elementId);
    return body != null ? body : own.getOrDefault(elementId, List.of());
  }

  /** What happened to the element, or null when it never ran. */
  Element element(String elementId) {
    return elements.get(elementId);
  }

  /** How often the flow was taken (0: never). */
  int taken(String flowId) {
    return taken.getOrDefault(flowId, 0);
  }

  /** The runs of the element, oldest first. */
  static List<Run> sorted(List<Run> runs) {
    return runs.stream().sorted(Comparator.comparing(Run::start)).toList();
  }
}
