package cn.gov.county.campaign.review;

import cn.gov.county.campaign.system.CampaignDates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * What the diagram viewer ({@link ProcessDiagramPage}) draws: one instance's model as deployed and,
 * for every flow node and sequence flow of it, what happened.
 *
 * @param title    the process and its version
 * @param subtitle the instance: campaign code, unit, state, times, id
 * @param bpmnXml  the deployed BPMN XML (with its diagram interchange)
 * @param marks    per element id, in the model's order
 */
public record ProcessDiagram(String title, String subtitle, String processInstanceId, String bpmnXml,
    Map<String, Mark> marks) {

  /** Element states; their CSS markers are {@code cr-<state>}. */
  static final String COMPLETED = "completed";
  static final String ACTIVE = "active";
  static final String CANCELED = "canceled";
  static final String NOT_EXECUTED = "not-executed";
  static final String TAKEN = "taken";
  static final String NOT_TAKEN = "not-taken";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(CampaignDates.CHINA);

  /**
   * What happened to one element.
   *
   * @param state   {@link #COMPLETED}, {@link #ACTIVE}, {@link #CANCELED} or {@link #NOT_EXECUTED}
   *                for a flow node; {@link #TAKEN} or {@link #NOT_TAKEN} for a sequence flow
   * @param count   how often the node ran or the flow was taken
   * @param details the name, the id, and how often and when (the element's tooltip)
   */
  public record Mark(String state, int count, String details) {
  }

  static ProcessDiagram of(String title, String subtitle, String processInstanceId, String bpmnXml,
      BpmnModelInstance model, ProcessDiagramPath path) {
    Map<String, Mark> marks = new LinkedHashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      ProcessDiagramPath.Element ran = path.element(node.getId());
      marks.put(node.getId(), new Mark(stateOf(ran), ran == null ? 0 : ran.executions(),
          details(label(node.getName(), node.getId()), ran)));
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      int taken = path.taken(flow.getId());
      marks.put(flow.getId(), new Mark(taken > 0 ? TAKEN : NOT_TAKEN, taken,
          label(flow.getName(), flow.getId()) + (taken > 0 ? "\n经过 " + taken + " 次" : "\n未经过")));
    }
    return new ProcessDiagram(title, subtitle, processInstanceId, bpmnXml, marks);
  }

  private static String stateOf(ProcessDiagramPath.Element ran) {
    if (ran == null) {
      return NOT_EXECUTED;
    }
    if (ran.active()) {
      return ACTIVE;
    }
    return ran.canceledOnly() ? CANCELED : COMPLETED;
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? id : name.strip() + "（" + id + "）";
  }

  private static String details(String label, ProcessDiagramPath.Element ran) {
    StringBuilder text = new StringBuilder(label);
    if (ran == null) {
      return text.append("\n未执行").toString();
    }
    List<ProcessDiagramPath.Run> runs = ProcessDiagramPath.sorted(ran.runs());
    text.append("\n执行 ").append(runs.size()).append(" 次").append(ran.active() ? "，进行中" : "");
    int shown = 0;
    for (ProcessDiagramPath.Run run : runs) {
      if (++shown > 10) {
        text.append("\n……");
        break;
      }
      text.append("\n").append(runs.size() > 1 ? "第" + shown + "次：" : "").append("开始 ").append(time(run.start()))
          .append(run.end() == null ? "，进行中" : (run.canceled() ? "，中断 " : "，结束 ") + time(run.end()));
    }
    return text.toString();
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }
}
