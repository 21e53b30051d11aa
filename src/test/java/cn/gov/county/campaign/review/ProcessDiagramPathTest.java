package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * The path taken and the page that draws it, without an engine: a review loop (submit, review, returned once,
 * accepted), with the clock advancing and with a frozen clock (every run in the same millisecond,
 * as in tests that set the engine clock), and a hostile name.
 */
class ProcessDiagramPathTest {

  private static final String HOSTILE = "审核</text><script>alert(\"x\")</script> & 'ok'";

  /** start → submit → review → accepted? yes → end; no → back to submit (via the join). */
  private static BpmnModelInstance reviewLoop(String reviewName) {
    return Bpmn.createExecutableProcess("ReviewLoop").name("审核流程")
        .startEvent("Start").name("已开始")
        .exclusiveGateway("Join")
        .userTask("Submit").name("提交报告")
        .userTask("Review").name(reviewName)
        .exclusiveGateway("Accepted").name("是否通过？")
        .condition("通过", "${ok}").endEvent("End").name("已结束")
        .moveToLastGateway().condition("退回", "${!ok}").connectTo("Join")
        .done();
  }

  private static String flow(BpmnModelInstance model, String source, String target) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource().getId().equals(source) && f.getTarget().getId().equals(target))
        .findFirst().orElseThrow().getId();
  }

  private static List<ProcessDiagramPath.Flow> flows(BpmnModelInstance model) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .map(f -> new ProcessDiagramPath.Flow(f.getId(), f.getSource().getId(), f.getTarget().getId())).toList();
  }

  /** Runs in history order; {@code step} ms between events (0: a frozen clock). */
  private static List<ProcessDiagramPath.Run> runs(long step, boolean returnedOnce, boolean finished) {
    List<ProcessDiagramPath.Run> runs = new ArrayList<>();
    long[] t = {1_000_000};
    java.util.function.BiConsumer<String, Boolean> run = (id, ends) -> {
      Instant start = Instant.ofEpochMilli(t[0]);
      t[0] += step;
      runs.add(new ProcessDiagramPath.Run(id, id + ":" + runs.size(), "pi", start,
          ends ? Instant.ofEpochMilli(t[0]) : null, false));
    };
    run.accept("Start", true);
    run.accept("Join", true);
    run.accept("Submit", true);
    run.accept("Review", true);
    run.accept("Accepted", true);
    if (returnedOnce) {
      run.accept("Join", true);
      run.accept("Submit", true);
      run.accept("Review", finished);
      if (finished) {
        run.accept("Accepted", true);
      }
    }
    if (finished) {
      run.accept("End", true);
    }
    return runs;
  }

  @Test
  void aReturnedReportMarksTheLoopAndCountsTheRuns() {
    BpmnModelInstance model = reviewLoop("审核报告");
    for (long step : new long[]{5, 0}) {
      ProcessDiagramPath path = ProcessDiagramPath.of(runs(step, true, true), flows(model));

      assertThat(path.element("Submit").executions()).as("step " + step).isEqualTo(2);
      assertThat(path.taken(flow(model, "Accepted", "Join"))).as("step " + step).isEqualTo(1);
      assertThat(path.taken(flow(model, "Accepted", "End"))).as("step " + step).isEqualTo(1);
      assertThat(path.taken(flow(model, "Start", "Join"))).as("step " + step).isEqualTo(1);
      assertThat(path.taken(flow(model, "Join", "Submit"))).as("step " + step).isEqualTo(2);
    }
  }

  @Test
  void anAcceptedReportLeavesTheReturnBranchUntaken_evenWithAFrozenClock() {
    BpmnModelInstance model = reviewLoop("审核报告");
    for (long step : new long[]{5, 0}) {
      ProcessDiagramPath path = ProcessDiagramPath.of(runs(step, false, true), flows(model));

      assertThat(path.taken(flow(model, "Accepted", "Join"))).as("step " + step).isZero();
      assertThat(path.taken(flow(model, "Accepted", "End"))).as("step " + step).isEqualTo(1);
      assertThat(path.element("Submit").executions()).isEqualTo(1);
    }
  }

  @Test
  void thePageMarksStatesAndPathAndNoTextBecomesMarkupOrCode() throws Exception {
    BpmnModelInstance model = reviewLoop(HOSTILE);
    ProcessDiagramPath path = ProcessDiagramPath.of(runs(5, true, false), flows(model));
    ProcessDiagram diagram = ProcessDiagram.of("审核流程（第1版）", "ZG-TEST · <进行中>", "pi-1",
        Bpmn.convertToString(model), model, path);

    String page = ProcessDiagramPage.live(diagram);

    // bpmn-js from this server, then the viewer; the only other script block is data
    assertThat(scripts(page)).containsExactly("<script type=\"application/json\" id=\"diagram-data\">",
        "<script src=\"/campaign-assets/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js\">",
        "<script src=\"/campaign-assets/process-diagram.js\">");
    // its style sheets from this server too, linked (no style of bpmn-js inline)
    assertThat(page).contains("<link rel=\"stylesheet\" href=\"/campaign-assets/bpmn-js/18.31.1/diagram-js.css\">"
        + "<link rel=\"stylesheet\" href=\"/campaign-assets/bpmn-js/18.31.1/bpmn-js.css\">");
    assertThat(page).doesNotContain("<script>alert").contains("<h1>审核流程（第1版）</h1>", "ZG-TEST · &lt;进行中&gt;",
        "已完成", "进行中", "经过的路径");
    JsonNode data = data(page);
    assertThat(data.path("bpmnXml").asText()).isEqualTo(diagram.bpmnXml()).contains("id=\"Review\"");
    assertThat(state(data, "Submit")).isEqualTo("completed");
    assertThat(data.path("marks").path("Submit").path("count").asInt()).isEqualTo(2);
    assertThat(state(data, "Review")).isEqualTo("active");
    assertThat(state(data, "End")).isEqualTo("not-executed");
    assertThat(state(data, flow(model, "Accepted", "Join"))).isEqualTo("taken");
    assertThat(state(data, flow(model, "Accepted", "End"))).isEqualTo("not-taken");
    assertThat(data.path("marks").path("Review").path("details").asText())
        .startsWith(HOSTILE + "（Review）").contains("执行 2 次，进行中");
  }

  /** The opening tags of the page's script elements. */
  static List<String> scripts(String page) {
    List<String> tags = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<script[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(page);
    while (m.find()) {
      tags.add(m.group());
    }
    return tags;
  }

  /** The diagram's data in a page of {@link ProcessDiagramPage}. */
  static JsonNode data(String page) throws Exception {
    String open = "<script type=\"application/json\" id=\"diagram-data\">";
    int start = page.indexOf(open);
    assertThat(start).as("the page's diagram data").isNotNegative();
    String json = page.substring(start + open.length(), page.indexOf("</script>", start));
    return new ObjectMapper().readTree(json);
  }

  /** The state bpmn-js marks the element with ({@code cr-<state>}). */
  static String state(JsonNode data, String elementId) {
    JsonNode mark = data.path("marks").path(elementId);
    assertThat(mark.isMissingNode()).as("a mark for " + elementId).isFalse();
    return mark.path("state").asText();
  }
}
