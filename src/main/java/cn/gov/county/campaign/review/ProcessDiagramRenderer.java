package cn.gov.county.campaign.review;

import cn.gov.county.campaign.system.CampaignDates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Transaction;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a BPMN diagram as SVG from the model's diagram interchange (shapes' bounds, edges'
 * waypoints, label bounds) with the path of one instance on it: elements that ran are green
 * (with a count when they ran more than once), running ones orange, cancelled ones grey and
 * dashed, taken sequence flows green and thick. Every element is a {@code <g>} with the classes
 * {@code bpmn-element}, its BPMN type and its state ({@code completed}, {@code active},
 * {@code canceled}, {@code not-executed}; flows {@code taken}) and {@code data-element-id}; its
 * {@code <title>} gives the name and the times. Every text is escaped; the SVG references nothing
 * outside itself and holds no script.
 */
final class ProcessDiagramRenderer {

  static final String FONT = "'Noto Sans CJK SC', sans-serif";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(CampaignDates.CHINA);
  private static final double PAD = 20;
  private static final double BAND = 56;
  private static final double LEGEND_WIDTH = 600;

  /** Fill, stroke, stroke width and dash of a state. */
  private record Style(String fill, String stroke, double width, String dash) {
  }

  private static final Style NOT_EXECUTED = new Style("#ffffff", "#555555", 1.5, null);
  private static final Style COMPLETED = new Style("#e8f5e9", "#2e7d32", 2, null);
  private static final Style ACTIVE = new Style("#fff3e0", "#e65100", 3, null);
  private static final Style CANCELED = new Style("#f5f5f5", "#9e9e9e", 1.5, "4 3");
  private static final String TAKEN_COLOR = "#2e7d32";
  private static final String FLOW_COLOR = "#8a8a8a";

  /** The caption above the diagram: the process and the instance. */
  record Header(String title, String subtitle) {
  }

  private final BpmnModelInstance model;
  private final ProcessDiagramPath path;
  private final String prefix;
  private final StringBuilder svg = new StringBuilder(32_768);

  private ProcessDiagramRenderer(BpmnModelInstance model, ProcessDiagramPath path, String idPrefix) {
    this.model = model;
    this.path = path;
    this.prefix = idPrefix.replaceAll("[^A-Za-z0-9]", "");
  }

  /**
   * @param idPrefix makes the ids inside the SVG (arrow markers) unique when several diagrams are
   *                 inlined into one page
   */
  static String render(BpmnModelInstance model, ProcessDiagramPath path, Header header, String idPrefix) {
    return new ProcessDiagramRenderer(model, path, "d" + idPrefix).draw(header);
  }

  // ---- the document ------------------------------------------------------------------------

  private String draw(Header header) {
    List<BpmnShape> shapes = new ArrayList<>();
    List<BpmnEdge> edges = new ArrayList<>();
    BpmnDiagram diagram = model.getModelElementsByType(BpmnDiagram.class).stream().findFirst().orElse(null);
    Collection<DiagramElement> elements = diagram == null || diagram.getBpmnPlane() == null ? List.of()
        : diagram.getBpmnPlane().getDiagramElements();
    for (DiagramElement element : elements) {
      if (element instanceof BpmnShape shape && shape.getBounds() != null && shape.getBpmnElement() != null) {
        shapes.add(shape);
      } else if (element instanceof BpmnEdge edge && edge.getBpmnElement() != null) {
        edges.add(edge);
      }
    }
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (BpmnShape shape : shapes) {
      include(box, shape.getBounds());
      if (shape.getBpmnLabel() != null) {
        include(box, shape.getBpmnLabel().getBounds());
      }
      if (shape.getBpmnLabel() == null && isExternallyLabelled(shape.getBpmnElement())) {
        Bounds b = shape.getBounds();
        include(box, b.getX() + b.getWidth() / 2 - 45, b.getY() + b.getHeight(), 90, 40);
      }
    }
    for (BpmnEdge edge : edges) {
      for (Waypoint point : edge.getWaypoints()) {
        include(box, point.getX(), point.getY(), 0, 0);
      }
      if (edge.getBpmnLabel() != null) {
        include(box, edge.getBpmnLabel().getBounds());
      }
    }
    if (box[0] > box[2]) {
      box = new double[] {0, 0, LEGEND_WIDTH, 60};
    }
    double x0 = box[0] - PAD;
    double y0 = box[1] - PAD - BAND;
    double width = Math.max(box[2] - box[0] + 2 * PAD, LEGEND_WIDTH);
    double height = box[3] - box[1] + 2 * PAD + BAND;

    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"process-diagram\" width=\"")
        .append(n(width)).append("\" height=\"").append(n(height)).append("\" viewBox=\"").append(n(x0)).append(' ')
        .append(n(y0)).append(' ').append(n(width)).append(' ').append(n(height)).append("\" font-family=\"")
        .append(FONT).append("\" font-size=\"12\" role=\"img\">\n")
        .append("<title>").append(esc(header.title())).append("</title>\n");
    defs();
    svg.append("<rect class=\"background\" x=\"").append(n(x0)).append("\" y=\"").append(n(y0)).append("\" width=\"")
        .append(n(width)).append("\" height=\"").append(n(height)).append("\" fill=\"#ffffff\"/>\n");
    legend(header, x0 + PAD, y0 + 8);

    List<BpmnShape> containers = shapes.stream().filter(s -> isContainer(s)).sorted(Comparator.comparingDouble(
        (BpmnShape s) -> s.getBounds().getWidth() * s.getBounds().getHeight()).reversed()).toList();
    containers.forEach(this::shape);
    edges.forEach(this::edge);
    shapes.stream().filter(s -> !isContainer(s) && !(s.getBpmnElement() instanceof BoundaryEvent)).forEach(this::shape);
    shapes.stream().filter(s -> s.getBpmnElement() instanceof BoundaryEvent).forEach(this::shape);
    return svg.append("</svg>\n").toString();
  }

  private void defs() {
    svg.append("<defs>\n");
    marker("arrow", FLOW_COLOR, true);
    marker("arrow-taken", TAKEN_COLOR, true);
    marker("arrow-open", "#555555", false);
    svg.append("</defs>\n");
  }

  private void marker(String id, String color, boolean filled) {
    svg.append("<marker id=\"").append(prefix).append('-').append(id)
        .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
        .append("markerUnits=\"strokeWidth\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10")
        .append(filled ? " z\" fill=\"" + color + "\" stroke=\"none\"" : "\" fill=\"none\" stroke=\"" + color + "\"")
        .append("/></marker>\n");
  }

  private void legend(Header header, double x, double y) {
    svg.append("<g class=\"legend\">\n<text x=\"").append(n(x)).append("\" y=\"").append(n(y + 14))
        .append("\" font-size=\"14\" font-weight=\"bold\" fill=\"#222222\">").append(esc(header.title()))
        .append("</text>\n");
    if (header.subtitle() != null && !header.subtitle().isBlank()) {
      svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + 32)).append("\" font-size=\"11\" fill=\"#555555\">")
          .append(esc(header.subtitle())).append("</text>\n");
    }
    double ly = y + 40;
    double lx = x;
    lx = legendBox(lx, ly, COMPLETED, "已完成");
    lx = legendBox(lx, ly, ACTIVE, "进行中");
    lx = legendBox(lx, ly, CANCELED, "已中断");
    lx = legendBox(lx, ly, NOT_EXECUTED, "未执行");
    svg.append("<line x1=\"").append(n(lx)).append("\" y1=\"").append(n(ly + 5)).append("\" x2=\"").append(n(lx + 30))
        .append("\" y2=\"").append(n(ly + 5)).append("\" stroke=\"").append(TAKEN_COLOR)
        .append("\" stroke-width=\"2.5\" marker-end=\"url(#").append(prefix).append("-arrow-taken)\"/>\n")
        .append("<text x=\"").append(n(lx + 36)).append("\" y=\"").append(n(ly + 9)).append("\" font-size=\"11\" fill=\"#222222\">经过的路径</text>\n");
    svg.append("</g>\n");
  }

  private double legendBox(double x, double y, Style style, String label) {
    svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"18\" height=\"11\" rx=\"3\"");
    style(style);
    svg.append("/>\n<text x=\"").append(n(x + 23)).append("\" y=\"").append(n(y + 9)).append("\" font-size=\"11\" fill=\"#222222\">")
        .append(label).append("</text>\n");
    return x + 23 + label.length() * 11 + 18;
  }

  // ---- shapes ------------------------------------------------------------------------------

  private void shape(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    Bounds b = shape.getBounds();
    double x = b.getX();
    double y = b.getY();
    double w = b.getWidth();
    double h = b.getHeight();
    ProcessDiagramPath.Element ran = element instanceof FlowNode ? path.element(element.getId()) : null;
    String state = !(element instanceof FlowNode) ? null : stateOf(ran);
    Style style = styleOf(state);
    String type = element.getElementType().getTypeName();
    String name = nameOf(element);

    svg.append("<g class=\"bpmn-element ").append(esc(type)).append(state == null ? "" : " " + state)
        .append("\" data-element-id=\"").append(esc(element.getId())).append("\">\n");
    svg.append("<title>").append(esc(titleOf(element, name, ran))).append("</title>\n");

    if (element instanceof Event event) {
      event(event, x, y, w, h, style);
    } else if (element instanceof Gateway gateway) {
      gateway(gateway, shape, x, y, w, h, style);
    } else if (element instanceof SubProcess sub && shape.isExpanded()) {
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(n(h)).append("\" rx=\"10\"");
      style(state == null || NOT_EXECUTED.equals(style) ? new Style("#ffffff", style.stroke(), style.width(),
          sub.triggeredByEvent() ? "6 4" : style.dash())
          : new Style(lighter(style), style.stroke(), style.width(), sub.triggeredByEvent() ? "6 4" : style.dash()));
      svg.append("/>\n");
      if (sub instanceof Transaction) {
        svg.append("<rect x=\"").append(n(x + 3)).append("\" y=\"").append(n(y + 3)).append("\" width=\"").append(n(w - 6))
            .append("\" height=\"").append(n(h - 6)).append("\" rx=\"8\" fill=\"none\" stroke=\"").append(style.stroke())
            .append("\"/>\n");
      }
      lines(wrap(name, w - 16, 12), x + 8, y + 18, 14, "start", 12, 3);
    } else if (element instanceof Activity activity) {
      activity(activity, shape, x, y, w, h, style, name);
    } else if (element instanceof Participant || element instanceof Lane) {
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(n(h)).append("\" fill=\"").append(element instanceof Participant ? "#ffffff" : "none")
          .append("\" stroke=\"#555555\" stroke-width=\"1.5\"/>\n");
      if (element instanceof Participant) {
        svg.append("<line x1=\"").append(n(x + 30)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(x + 30))
            .append("\" y2=\"").append(n(y + h)).append("\" stroke=\"#555555\" stroke-width=\"1.5\"/>\n");
      }
      if (!name.isEmpty()) {
        double cx = x + 15;
        double cy = y + h / 2;
        svg.append("<text x=\"").append(n(cx)).append("\" y=\"").append(n(cy)).append("\" text-anchor=\"middle\" ")
            .append("dominant-baseline=\"middle\" transform=\"rotate(-90 ").append(n(cx)).append(' ').append(n(cy))
            .append(")\" fill=\"#222222\">").append(esc(name)).append("</text>\n");
      }
    } else if (element instanceof TextAnnotation) {
      svg.append("<path d=\"M").append(n(x + 12)).append(',').append(n(y)).append(" L").append(n(x)).append(',')
          .append(n(y)).append(" L").append(n(x)).append(',').append(n(y + h)).append(" L").append(n(x + 12)).append(',')
          .append(n(y + h)).append("\" fill=\"none\" stroke=\"#555555\"/>\n");
      List<String> text = wrap(name, w - 10, 12);
      lines(text, x + 6, y + 16, 14, "start", 12, Math.max(1, (int) ((h - 4) / 14)));
    } else if (element instanceof DataObjectReference) {
      svg.append("<path d=\"M").append(n(x)).append(',').append(n(y)).append(" L").append(n(x + w - 10)).append(',')
          .append(n(y)).append(" L").append(n(x + w)).append(',').append(n(y + 10)).append(" L").append(n(x + w)).append(',')
          .append(n(y + h)).append(" L").append(n(x)).append(',').append(n(y + h)).append(" Z\" fill=\"#ffffff\" stroke=\"#555555\"/>\n");
    } else if (element instanceof DataStoreReference) {
      svg.append("<path d=\"M").append(n(x)).append(',').append(n(y + 8)).append(" A").append(n(w / 2)).append(",8 0 0 1 ")
          .append(n(x + w)).append(',').append(n(y + 8)).append(" L").append(n(x + w)).append(',').append(n(y + h - 8))
          .append(" A").append(n(w / 2)).append(",8 0 0 1 ").append(n(x)).append(',').append(n(y + h - 8))
          .append(" Z\" fill=\"#ffffff\" stroke=\"#555555\"/>\n");
    } else if (element instanceof Group) {
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(n(h)).append("\" rx=\"10\" fill=\"none\" stroke=\"#555555\" stroke-dasharray=\"8 3 1 3\"/>\n");
    } else {
      svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
          .append("\" height=\"").append(n(h)).append("\" fill=\"none\" stroke=\"#555555\"/>\n");
    }

    if (isExternallyLabelled(element) && !name.isEmpty()) {
      externalLabel(shape, name);
    }
    if (ran != null && ran.executions() > 1) {
      badge(x + w, y, ran.executions());
    }
    svg.append("</g>\n");
  }

  private void event(Event event, double x, double y, double w, double h, Style style) {
    double cx = x + w / 2;
    double cy = y + h / 2;
    double r = Math.min(w, h) / 2;
    boolean dashed = (event instanceof BoundaryEvent boundary && !boundary.cancelActivity())
        || (event instanceof StartEvent start && !start.isInterrupting() && start.getParentElement() instanceof SubProcess);
    Style outline = new Style(style.fill(), style.stroke(), event instanceof EndEvent ? Math.max(style.width(), 3.5)
        : style.width(), dashed ? "4 3" : style.dash());
    circle(cx, cy, r, outline);
    if (!(event instanceof StartEvent) && !(event instanceof EndEvent)) {
      circle(cx, cy, r - 3, new Style("none", style.stroke(), 1.2, dashed ? "4 3" : null));
    }
    boolean filled = event instanceof EndEvent || event instanceof IntermediateThrowEvent;
    Collection<EventDefinition> definitions = event instanceof CatchEvent catchEvent ? catchEvent.getEventDefinitions()
        : event instanceof ThrowEvent throwEvent ? throwEvent.getEventDefinitions() : List.of();
    for (EventDefinition definition : definitions) {
      eventMarker(definition, cx, cy, r, filled, style.stroke());
      break;
    }
  }

  private void eventMarker(EventDefinition definition, double cx, double cy, double r, boolean filled, String color) {
    String fill = filled ? color : "#ffffff";
    String line = filled ? "#ffffff" : color;
    if (definition instanceof TimerEventDefinition) {
      circle(cx, cy, r * 0.62, new Style("#ffffff", color, 1.5, null));
      svg.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - r * 0.45)).append(" L").append(n(cx)).append(',')
          .append(n(cy)).append(" L").append(n(cx + r * 0.35)).append(',').append(n(cy + r * 0.1))
          .append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"/>\n");
    } else if (definition instanceof MessageEventDefinition) {
      double w = r * 1.1;
      double h = r * 0.75;
      svg.append("<rect x=\"").append(n(cx - w / 2)).append("\" y=\"").append(n(cy - h / 2)).append("\" width=\"")
          .append(n(w)).append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\" stroke=\"")
          .append(color).append("\"/>\n<path d=\"M").append(n(cx - w / 2)).append(',').append(n(cy - h / 2)).append(" L")
          .append(n(cx)).append(',').append(n(cy + h * 0.1)).append(" L").append(n(cx + w / 2)).append(',')
          .append(n(cy - h / 2)).append("\" fill=\"none\" stroke=\"").append(line).append("\"/>\n");
    } else if (definition instanceof ErrorEventDefinition) {
      double s = r * 0.6;
      svg.append("<path d=\"M").append(n(cx - s)).append(',').append(n(cy + s)).append(" L").append(n(cx - s * 0.4))
          .append(',').append(n(cy - s)).append(" L").append(n(cx + s * 0.2)).append(',').append(n(cy + s * 0.2))
          .append(" L").append(n(cx + s)).append(',').append(n(cy - s)).append(" L").append(n(cx + s * 0.4)).append(',')
          .append(n(cy + s)).append(" L").append(n(cx - s * 0.2)).append(',').append(n(cy - s * 0.2)).append(" Z\" fill=\"")
          .append(fill).append("\" stroke=\"").append(color).append("\"/>\n");
    } else if (definition instanceof SignalEventDefinition) {
      double s = r * 0.6;
      svg.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - s)).append(" L").append(n(cx + s)).append(',')
          .append(n(cy + s * 0.7)).append(" L").append(n(cx - s)).append(',').append(n(cy + s * 0.7)).append(" Z\" fill=\"")
          .append(fill).append("\" stroke=\"").append(color).append("\"/>\n");
    } else if (definition instanceof EscalationEventDefinition) {
      double s = r * 0.6;
      svg.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - s)).append(" L").append(n(cx + s * 0.7)).append(',')
          .append(n(cy + s)).append(" L").append(n(cx)).append(',').append(n(cy + s * 0.3)).append(" L").append(n(cx - s * 0.7))
          .append(',').append(n(cy + s)).append(" Z\" fill=\"").append(fill).append("\" stroke=\"").append(color).append("\"/>\n");
    } else if (definition instanceof TerminateEventDefinition) {
      circle(cx, cy, r * 0.6, new Style(color, color, 1, null));
    } else if (definition instanceof ConditionalEventDefinition) {
      double s = r * 0.5;
      svg.append("<rect x=\"").append(n(cx - s)).append("\" y=\"").append(n(cy - s)).append("\" width=\"").append(n(2 * s))
          .append("\" height=\"").append(n(2 * s)).append("\" fill=\"#ffffff\" stroke=\"").append(color).append("\"/>\n");
      for (int i = 1; i <= 3; i++) {
        double ly = cy - s + i * s / 2;
        svg.append("<line x1=\"").append(n(cx - s * 0.7)).append("\" y1=\"").append(n(ly)).append("\" x2=\"")
            .append(n(cx + s * 0.7)).append("\" y2=\"").append(n(ly)).append("\" stroke=\"").append(color).append("\"/>\n");
      }
    }
  }

  private void gateway(Gateway gateway, BpmnShape shape, double x, double y, double w, double h, Style style) {
    double cx = x + w / 2;
    double cy = y + h / 2;
    svg.append("<polygon points=\"").append(n(cx)).append(',').append(n(y)).append(' ').append(n(x + w)).append(',')
        .append(n(cy)).append(' ').append(n(cx)).append(',').append(n(y + h)).append(' ').append(n(x)).append(',')
        .append(n(cy)).append('"');
    style(style);
    svg.append("/>\n");
    double s = w * 0.2;
    String stroke = "\" stroke=\"" + style.stroke() + "\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n";
    if (gateway instanceof ExclusiveGateway && shape.isMarkerVisible()) {
      svg.append("<path d=\"M").append(n(cx - s)).append(',').append(n(cy - s)).append(" L").append(n(cx + s)).append(',')
          .append(n(cy + s)).append(" M").append(n(cx + s)).append(',').append(n(cy - s)).append(" L").append(n(cx - s))
          .append(',').append(n(cy + s)).append("\" fill=\"none").append(stroke);
    } else if (gateway instanceof ParallelGateway) {
      plus(cx, cy, s * 1.3, stroke);
    } else if (gateway instanceof ComplexGateway) {
      plus(cx, cy, s * 1.3, stroke);
      svg.append("<path d=\"M").append(n(cx - s)).append(',').append(n(cy - s)).append(" L").append(n(cx + s)).append(',')
          .append(n(cy + s)).append(" M").append(n(cx + s)).append(',').append(n(cy - s)).append(" L").append(n(cx - s))
          .append(',').append(n(cy + s)).append("\" fill=\"none").append(stroke);
    } else if (gateway instanceof InclusiveGateway) {
      circle(cx, cy, w * 0.24, new Style("none", style.stroke(), 2.5, null));
    } else if (gateway instanceof EventBasedGateway) {
      circle(cx, cy, w * 0.3, new Style("none", style.stroke(), 1, null));
      circle(cx, cy, w * 0.24, new Style("none", style.stroke(), 1, null));
      double p = w * 0.14;
      svg.append("<polygon points=\"");
      for (int i = 0; i < 5; i++) {
        double a = -Math.PI / 2 + i * 2 * Math.PI / 5;
        svg.append(n(cx + p * Math.cos(a))).append(',').append(n(cy + p * Math.sin(a))).append(' ');
      }
      svg.append("\" fill=\"none\" stroke=\"").append(style.stroke()).append("\"/>\n");
    }
  }

  private void plus(double cx, double cy, double s, String stroke) {
    svg.append("<path d=\"M").append(n(cx)).append(',').append(n(cy - s)).append(" L").append(n(cx)).append(',')
        .append(n(cy + s)).append(" M").append(n(cx - s)).append(',').append(n(cy)).append(" L").append(n(cx + s))
        .append(',').append(n(cy)).append("\" fill=\"none").append(stroke);
  }

  private void activity(Activity activity, BpmnShape shape, double x, double y, double w, double h, Style style, String name) {
    svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" rx=\"10\"");
    style(activity instanceof CallActivity ? new Style(style.fill(), style.stroke(), Math.max(style.width(), 3.5),
        style.dash()) : style);
    svg.append("/>\n");
    taskMarker(activity, x + 7, y + 7, style.stroke());
    List<String> markers = new ArrayList<>();
    if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi) {
      markers.add(mi.isSequential() ? "sequential" : "parallel");
    }
    if (activity instanceof SubProcess || activity instanceof CallActivity) {
      markers.add("collapsed");
    }
    double mx = x + w / 2 - (markers.size() * 16 - 4) / 2.0;
    for (String marker : markers) {
      loopMarker(marker, mx, y + h - 16, style.stroke());
      mx += 16;
    }
    int maxLines = Math.max(1, (int) ((h - (markers.isEmpty() ? 8 : 20)) / 14));
    List<String> text = wrap(name, w - 12, 12);
    double top = y + (h - (markers.isEmpty() ? 0 : 12)) / 2 - Math.min(text.size(), maxLines) * 14 / 2.0 + 11;
    lines(text, x + w / 2, top, 14, "middle", 12, maxLines);
  }

  private void taskMarker(Activity activity, double x, double y, String color) {
    if (activity instanceof UserTask) {
      svg.append("<g class=\"marker\" fill=\"none\" stroke=\"").append(color).append("\"><circle cx=\"").append(n(x + 6))
          .append("\" cy=\"").append(n(y + 4)).append("\" r=\"3\"/><path d=\"M").append(n(x)).append(',').append(n(y + 14))
          .append(" Q").append(n(x)).append(',').append(n(y + 8)).append(' ').append(n(x + 6)).append(',').append(n(y + 8))
          .append(" Q").append(n(x + 12)).append(',').append(n(y + 8)).append(' ').append(n(x + 12)).append(',')
          .append(n(y + 14)).append(" Z\"/></g>\n");
    } else if (activity instanceof ServiceTask) {
      svg.append("<g class=\"marker\" fill=\"none\" stroke=\"").append(color).append("\"><circle cx=\"").append(n(x + 6))
          .append("\" cy=\"").append(n(y + 6)).append("\" r=\"5\" stroke-width=\"3\" stroke-dasharray=\"2 1.6\"/>")
          .append("<circle cx=\"").append(n(x + 6)).append("\" cy=\"").append(n(y + 6)).append("\" r=\"2\"/></g>\n");
    } else if (activity instanceof BusinessRuleTask) {
      svg.append("<g class=\"marker\" fill=\"none\" stroke=\"").append(color).append("\"><rect x=\"").append(n(x))
          .append("\" y=\"").append(n(y + 2)).append("\" width=\"14\" height=\"10\"/><path d=\"M").append(n(x)).append(',')
          .append(n(y + 5)).append(" L").append(n(x + 14)).append(',').append(n(y + 5)).append(" M").append(n(x + 4))
          .append(',').append(n(y + 5)).append(" L").append(n(x + 4)).append(',').append(n(y + 12)).append("\"/></g>\n");
    } else if (activity instanceof SendTask || activity instanceof ReceiveTask) {
      boolean send = activity instanceof SendTask;
      svg.append("<g class=\"marker\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 2))
          .append("\" width=\"14\" height=\"10\" fill=\"").append(send ? color : "#ffffff").append("\" stroke=\"")
          .append(color).append("\"/><path d=\"M").append(n(x)).append(',').append(n(y + 2)).append(" L").append(n(x + 7))
          .append(',').append(n(y + 8)).append(" L").append(n(x + 14)).append(',').append(n(y + 2))
          .append("\" fill=\"none\" stroke=\"").append(send ? "#ffffff" : color).append("\"/></g>\n");
    }
  }

  private void loopMarker(String kind, double x, double y, String color) {
    svg.append("<g class=\"marker ").append(kind).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\" fill=\"none\">");
    switch (kind) {
      case "parallel" -> {
        for (int i = 0; i < 3; i++) {
          svg.append("<line x1=\"").append(n(x + 2 + i * 4)).append("\" y1=\"").append(n(y)).append("\" x2=\"")
              .append(n(x + 2 + i * 4)).append("\" y2=\"").append(n(y + 11)).append("\"/>");
        }
      }
      case "sequential" -> {
        for (int i = 0; i < 3; i++) {
          svg.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(y + 1 + i * 4)).append("\" x2=\"")
              .append(n(x + 12)).append("\" y2=\"").append(n(y + 1 + i * 4)).append("\"/>");
        }
      }
      default -> svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"12\" height=\"12\" stroke-width=\"1\"/>")
          .append("<path d=\"M").append(n(x + 6)).append(',').append(n(y + 3)).append(" L").append(n(x + 6)).append(',')
          .append(n(y + 9)).append(" M").append(n(x + 3)).append(',').append(n(y + 6)).append(" L").append(n(x + 9))
          .append(',').append(n(y + 6)).append("\" stroke-width=\"1\"/>");
    }
    svg.append("</g>\n");
  }

  private void externalLabel(BpmnShape shape, String name) {
    BpmnLabel label = shape.getBpmnLabel();
    Bounds b = shape.getBounds();
    if (label != null && label.getBounds() != null) {
      Bounds l = label.getBounds();
      List<String> text = wrap(name, Math.max(l.getWidth(), 40) + 14, 11);
      lines(text, l.getX() + l.getWidth() / 2, l.getY() + 10, 13, "middle", 11, 6);
    } else {
      List<String> text = wrap(name, 90, 11);
      lines(text, b.getX() + b.getWidth() / 2, b.getY() + b.getHeight() + 15, 13, "middle", 11, 4);
    }
  }

  private void badge(double right, double top, int count) {
    String text = "×" + count;
    double w = 8 + text.length() * 7;
    svg.append("<g class=\"count\"><rect x=\"").append(n(right - w + 6)).append("\" y=\"").append(n(top - 8))
        .append("\" width=\"").append(n(w)).append("\" height=\"16\" rx=\"8\" fill=\"").append(TAKEN_COLOR)
        .append("\"/><text x=\"").append(n(right - w / 2 + 6)).append("\" y=\"").append(n(top + 4))
        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">").append(text).append("</text></g>\n");
  }

  // ---- edges -------------------------------------------------------------------------------

  private void edge(BpmnEdge edge) {
    BaseElement element = edge.getBpmnElement();
    List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
    if (points.size() < 2) {
      return;
    }
    String type = element.getElementType().getTypeName();
    int taken = element instanceof SequenceFlow ? path.taken(element.getId()) : 0;
    String name = nameOf(element);
    svg.append("<g class=\"bpmn-element ").append(esc(type)).append(element instanceof SequenceFlow
        ? (taken > 0 ? " taken" : " not-taken") : "").append("\" data-element-id=\"").append(esc(element.getId()))
        .append("\">\n<title>").append(esc((name.isEmpty() ? element.getId() : name + "（" + element.getId() + "）")
            + (element instanceof SequenceFlow ? (taken > 0 ? "\n经过 " + taken + " 次" : "\n未经过") : "")))
        .append("</title>\n<polyline points=\"");
    for (Waypoint point : points) {
      svg.append(n(point.getX())).append(',').append(n(point.getY())).append(' ');
    }
    svg.append("\" fill=\"none\"");
    if (element instanceof SequenceFlow) {
      svg.append(" stroke=\"").append(taken > 0 ? TAKEN_COLOR : FLOW_COLOR).append("\" stroke-width=\"")
          .append(taken > 0 ? "2.5" : "1.2").append("\" stroke-linejoin=\"round\" marker-end=\"url(#").append(prefix)
          .append(taken > 0 ? "-arrow-taken" : "-arrow").append(")\"");
    } else if (element instanceof MessageFlow) {
      svg.append(" stroke=\"#555555\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\" marker-end=\"url(#").append(prefix)
          .append("-arrow-open)\"");
    } else if (element instanceof Association) {
      svg.append(" stroke=\"#555555\" stroke-width=\"1\" stroke-dasharray=\"2 3\"");
    } else {
      svg.append(" stroke=\"#555555\" stroke-width=\"1\" stroke-dasharray=\"2 3\"");
    }
    svg.append("/>\n");
    if (!name.isEmpty()) {
      BpmnLabel label = edge.getBpmnLabel();
      if (label != null && label.getBounds() != null) {
        Bounds l = label.getBounds();
        lines(wrap(name, Math.max(l.getWidth(), 30) + 6, 11), l.getX() + l.getWidth() / 2, l.getY() + 10, 13, "middle", 11, 4);
      } else {
        Waypoint a = points.get((points.size() - 1) / 2);
        Waypoint b = points.get((points.size() - 1) / 2 + 1);
        lines(wrap(name, 80, 11), (a.getX() + b.getX()) / 2 + 4, (a.getY() + b.getY()) / 2 - 4, 13, "start", 11, 3);
      }
    }
    svg.append("</g>\n");
  }

  // ---- text --------------------------------------------------------------------------------

  private void lines(List<String> text, double x, double firstBaseline, double lineHeight, String anchor, int size,
      int maxLines) {
    if (text.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>(text.subList(0, Math.min(text.size(), maxLines)));
    if (text.size() > maxLines) {
      String last = shown.get(shown.size() - 1);
      shown.set(shown.size() - 1, (last.length() > 1 ? last.substring(0, last.length() - 1) : last) + "…");
    }
    svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(firstBaseline)).append("\" text-anchor=\"")
        .append(anchor).append("\" font-size=\"").append(size).append("\" fill=\"#222222\">");
    for (int i = 0; i < shown.size(); i++) {
      svg.append("<tspan x=\"").append(n(x)).append("\" y=\"").append(n(firstBaseline + i * lineHeight)).append("\">")
          .append(esc(shown.get(i))).append("</tspan>");
    }
    svg.append("</text>\n");
  }

  /**
   * Breaks text into lines of at most {@code maxWidth} (estimated: a CJK character is one em, a
   * Latin one 0.6 em): between any two CJK characters, between Latin words, and inside a Latin
   * word longer than a line; then evens the lines out (记录大讨论 / 已按期记录 rather than
   * 记录大讨论已按 / 期记录). Explicit line breaks are kept.
   */
  static List<String> wrap(String text, double maxWidth, double fontSize) {
    List<String> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    for (String paragraph : text.strip().split("\\R")) {
      List<String> greedy = greedy(paragraph, maxWidth, fontSize);
      if (greedy.size() > 1) {
        double even = Math.ceil(width(paragraph.strip(), fontSize) / greedy.size());
        for (double w = even; w < maxWidth; w += fontSize / 2) {
          List<String> balanced = greedy(paragraph, w, fontSize);
          if (balanced.size() == greedy.size()) {
            greedy = balanced;
            break;
          }
        }
      }
      lines.addAll(greedy);
    }
    return lines;
  }

  private static List<String> greedy(String paragraph, double maxWidth, double fontSize) {
    List<String> lines = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    paragraph.codePoints().forEach(cp -> {
      if (isWide(cp)) {
        if (!word.isEmpty()) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        tokens.add(new String(Character.toChars(cp)));
      } else {
        word.appendCodePoint(cp);
        if (cp == ' ') {
          tokens.add(word.toString());
          word.setLength(0);
        }
      }
    });
    if (!word.isEmpty()) {
      tokens.add(word.toString());
    }
    StringBuilder line = new StringBuilder();
    for (String token : tokens) {
      if (!line.isEmpty() && width(line + token.stripTrailing(), fontSize) > maxWidth) {
        lines.add(line.toString().strip());
        line.setLength(0);
      }
      if (line.isEmpty() && width(token.stripTrailing(), fontSize) > maxWidth) {
        // a Latin word longer than a line: cut it
        StringBuilder part = new StringBuilder();
        for (char c : token.toCharArray()) {
          if (!part.isEmpty() && width(part.toString() + c, fontSize) > maxWidth) {
            lines.add(part.toString());
            part.setLength(0);
          }
          part.append(c);
        }
        line.append(part);
        continue;
      }
      line.append(token);
    }
    if (!line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
    return lines;
  }

  static double width(String text, double fontSize) {
    double w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      w += isWide(cp) ? fontSize : cp == ' ' ? fontSize * 0.3 : fontSize * 0.6;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isWide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2E80 && cp <= 0x2FFF);
  }

  /** Text for XML content and attribute values: markup characters escaped, characters XML forbids dropped. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
          if (allowed) {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String stateOf(ProcessDiagramPath.Element ran) {
    if (ran == null) {
      return "not-executed";
    }
    if (ran.active()) {
      return "active";
    }
    if (ran.canceledOnly()) {
      return "canceled";
    }
    return "completed";
  }

  private static Style styleOf(String state) {
    if (state == null) {
      return NOT_EXECUTED;
    }
    return switch (state) {
      case "active" -> ACTIVE;
      case "completed" -> COMPLETED;
      case "canceled" -> CANCELED;
      default -> NOT_EXECUTED;
    };
  }

  private static String lighter(Style style) {
    return style == COMPLETED ? "#f4fbf4" : style == ACTIVE ? "#fffaf2" : style == CANCELED ? "#fafafa" : "#ffffff";
  }

  private void style(Style style) {
    svg.append(" fill=\"").append(style.fill()).append("\" stroke=\"").append(style.stroke()).append("\" stroke-width=\"")
        .append(n(style.width())).append('"');
    if (style.dash() != null) {
      svg.append(" stroke-dasharray=\"").append(style.dash()).append('"');
    }
  }

  private void circle(double cx, double cy, double r, Style style) {
    svg.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r)).append('"');
    style(style);
    svg.append("/>\n");
  }

  private static boolean isContainer(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    return element instanceof Participant || element instanceof Lane || element instanceof Group
        || (element instanceof SubProcess && shape.isExpanded());
  }

  private static boolean isExternallyLabelled(BaseElement element) {
    return element instanceof Event || element instanceof Gateway || element instanceof DataObjectReference
        || element instanceof DataStoreReference || element instanceof Group;
  }

  private static String nameOf(BaseElement element) {
    String name = null;
    if (element instanceof FlowElement flow) {
      name = flow.getName();
    } else if (element instanceof Participant participant) {
      name = participant.getName();
    } else if (element instanceof Lane lane) {
      name = lane.getName();
    } else if (element instanceof TextAnnotation annotation && annotation.getText() != null) {
      name = annotation.getText().getTextContent();
    }
    return name == null ? "" : name.strip();
  }

  private static String titleOf(BaseElement element, String name, ProcessDiagramPath.Element ran) {
    StringBuilder title = new StringBuilder(name.isEmpty() ? element.getId() : name + "（" + element.getId() + "）");
    if (!(element instanceof FlowNode)) {
      return title.toString();
    }
    if (ran == null) {
      return title.append("\n未执行").toString();
    }
    List<ProcessDiagramPath.Run> runs = ProcessDiagramPath.sorted(ran.runs());
    title.append("\n执行 ").append(runs.size()).append(" 次").append(ran.active() ? "，进行中" : "");
    int shown = 0;
    for (ProcessDiagramPath.Run run : runs) {
      if (++shown > 10) {
        title.append("\n……");
        break;
      }
      title.append("\n").append(runs.size() > 1 ? "第" + shown + "次：" : "").append("开始 ").append(time(run.start()))
          .append(run.end() == null ? "，进行中" : (run.canceled() ? "，中断 " : "，结束 ") + time(run.end()));
    }
    return title.toString();
  }

  private static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  private static void include(double[] box, Bounds bounds) {
    if (bounds != null) {
      include(box, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }
  }

  private static void include(double[] box, double x, double y, double w, double h) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x + w);
    box[3] = Math.max(box[3], y + h);
  }

  private static String n(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
