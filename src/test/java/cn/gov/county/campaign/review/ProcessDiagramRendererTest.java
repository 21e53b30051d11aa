package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The path taken and its drawing, without an engine: a review loop (submit, review, returned once,
 * accepted), with the clock advancing and with a frozen clock (every run in the same millisecond,
 * as in tests that set the engine clock), and a hostile name.
 */
class ProcessDiagramRendererTest {

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
    for (long step : new long[] {5, 0}) {
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
    for (long step : new long[] {5, 0}) {
      ProcessDiagramPath path = ProcessDiagramPath.of(runs(step, false, true), flows(model));

      assertThat(path.taken(flow(model, "Accepted", "Join"))).as("step " + step).isZero();
      assertThat(path.taken(flow(model, "Accepted", "End"))).as("step " + step).isEqualTo(1);
      assertThat(path.element("Submit").executions()).isEqualTo(1);
    }
  }

  @Test
  void theSvgMarksStatesAndPathAndEscapesEveryText() throws Exception {
    BpmnModelInstance model = reviewLoop(HOSTILE);
    ProcessDiagramPath path = ProcessDiagramPath.of(runs(5, true, false), flows(model));

    String svg = ProcessDiagramRenderer.render(model, path,
        new ProcessDiagramRenderer.Header("审核流程（第1版）", "ZG-TEST · <进行中>"), "pi-1");

    Document document = parse(svg);
    assertThat(document.getElementsByTagName("script").getLength()).isZero();
    assertThat(document.getDocumentElement().getAttribute("font-family")).isEqualTo("'Noto Sans CJK SC', sans-serif");
    assertThat(classOf(document, "Submit")).contains("userTask", "completed");
    assertThat(classOf(document, "Review")).contains("active");
    assertThat(classOf(document, "End")).contains("not-executed");
    assertThat(classOf(document, flow(model, "Accepted", "Join"))).contains("taken");
    assertThat(classOf(document, flow(model, "Accepted", "End"))).contains("not-taken");
    Element review = element(document, "Review");
    assertThat(review.getElementsByTagName("title").item(0).getTextContent())
        .startsWith(HOSTILE + "（Review）").contains("执行 2 次，进行中");
    assertThat(review.getTextContent()).contains("审核</text>");
    assertThat(element(document, "Submit").getElementsByTagName("text").item(1).getTextContent()).isEqualTo("×2");
    assertThat(svg).contains("已完成", "进行中", "经过的路径", "&lt;进行中&gt;");
  }

  @Test
  void wrapsChineseAnywhereAndLatinBetweenWordsIntoEvenLines() {
    assertThat(ProcessDiagramRenderer.wrap("召开专题会议审定整改方案", 60, 12)).containsExactly("召开专题", "会议审定", "整改方案");
    assertThat(ProcessDiagramRenderer.wrap("记录大讨论已按期记录", 88, 12)).containsExactly("记录大讨论", "已按期记录");
    assertThat(ProcessDiagramRenderer.wrap("提交自查报告", 88, 12)).containsExactly("提交自查报告");
    assertThat(ProcessDiagramRenderer.wrap("send the notice", 60, 12)).containsExactly("send the", "notice");
    assertThat(ProcessDiagramRenderer.esc("a\u0001<b>")).isEqualTo("a&lt;b&gt;");
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static Element element(Document document, String elementId) {
    NodeList groups = document.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (elementId.equals(g.getAttribute("data-element-id"))) {
        return g;
      }
    }
    throw new AssertionError("no element " + elementId);
  }

  static List<String> classOf(Document document, String elementId) {
    return List.of(element(document, elementId).getAttribute("class").split(" "));
  }
}
