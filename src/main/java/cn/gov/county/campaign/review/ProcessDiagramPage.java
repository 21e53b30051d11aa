package cn.gov.county.campaign.review;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.system.Html;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The page that draws a {@link ProcessDiagram} with bpmn-js's navigated viewer (the library Cockpit
 * draws its diagrams with) and its two style sheets, served same-origin from {@code
 * /campaign-assets/bpmn-js/<version>/} with the package's LICENSE beside them (the Maven build
 * downloads the npm package and copies them there; the LICENSE asks that the bpmn.io watermark stay
 * visible, and this page leaves it alone). The diagram's data (BPMN XML and marks) sits in the page
 * as JSON in a {@code <script type="application/json">} block, which is data, not code (no inline
 * script runs; {@code <} is written as {@code \u003c}, so no text can close the block); {@code
 * process-diagram.js} reads it, imports the XML and adds the CSS markers {@code cr-completed},
 * {@code cr-active}, {@code cr-canceled}, {@code cr-not-executed}, {@code cr-taken}, {@code
 * cr-not-taken}, a count where an element ran more than once and the details as the element's
 * tooltip.
 *
 * <p>The same page works offline in the export ({@link CampaignArchive}): there it loads the
 * scripts and style sheets by relative name from its own folder ({@link #EXPORTED}).
 */
final class ProcessDiagramPage {

  /** The bpmn-js release the build downloads (the property {@code bpmn-js.version} in pom.xml). */
  static final String BPMN_JS_VERSION = "18.31.1";
  static final String BPMN_JS = "bpmn-navigated-viewer.production.min.js";
  /** The style sheets bpmn-js's viewer needs (canvas, overlays, the bpmn.io watermark). */
  static final List<String> BPMN_JS_STYLES = List.of("diagram-js.css", "bpmn-js.css");
  /** bpmn-js's LICENSE: beside the bundle on the server, as {@code bpmn-js-LICENSE} in the export. */
  static final String BPMN_JS_LICENSE = "LICENSE";
  static final String VIEWER = "process-diagram.js";
  static final String LIVE_BPMN_JS_FOLDER = "/campaign-assets/bpmn-js/" + BPMN_JS_VERSION + "/";
  static final String LIVE_BPMN_JS = LIVE_BPMN_JS_FOLDER + BPMN_JS;
  static final String LIVE_VIEWER = "/campaign-assets/" + VIEWER;
  /** The files the export's page needs beside it: bpmn-js, its styles and LICENSE, the viewer. */
  static final List<String> EXPORTED = List.of(BPMN_JS, BPMN_JS_STYLES.get(0), BPMN_JS_STYLES.get(1),
      "bpmn-js-" + BPMN_JS_LICENSE, VIEWER);

  private static final String STYLE = """
      body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;padding:8px 12px;color:#222;background:#fff}
      h1{font-size:16px;margin:0 0 2px}.subtitle{font-size:12px;color:#555;margin:0 0 6px}
      .legend{list-style:none;margin:0 0 6px;padding:0;font-size:12px}.legend li{display:inline-block;margin-right:14px}
      .legend li::before{content:'';display:inline-block;width:18px;height:11px;margin-right:4px;vertical-align:-1px;border:1.5px solid #555;background:#fff}
      .legend .cr-completed::before{background:#e8f5e9;border-color:#2e7d32}.legend .cr-active::before{background:#fff3e0;border:3px solid #e65100}
      .legend .cr-canceled::before{background:#f5f5f5;border:1.5px dashed #9e9e9e}
      .legend .cr-taken::before{border:0;height:0;border-top:3px solid #2e7d32;vertical-align:3px}
      .canvas{height:calc(100vh - 110px);min-height:420px;border:1px solid #ddd}.error{color:#b00020}
      .djs-element.cr-completed .djs-visual>:first-child{fill:#e8f5e9!important;stroke:#2e7d32!important}
      .djs-element.cr-active .djs-visual>:first-child{fill:#fff3e0!important;stroke:#e65100!important;stroke-width:3px!important}
      .djs-element.cr-canceled .djs-visual>:first-child{fill:#f5f5f5!important;stroke:#9e9e9e!important;stroke-dasharray:4 3}
      .djs-connection.cr-taken .djs-visual>path{stroke:#2e7d32!important;stroke-width:2.5px!important}
      .djs-connection.cr-not-taken .djs-visual>path{stroke:#8a8a8a!important}
      .cr-count{background:#2e7d32;color:#fff;border-radius:8px;padding:0 5px;font-size:11px;white-space:nowrap}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessDiagramPage() {
  }

  /** The page as served, with the scripts from this server. */
  static String live(ProcessDiagram diagram) {
    return html(diagram, LIVE_BPMN_JS_FOLDER, LIVE_BPMN_JS, LIVE_VIEWER);
  }

  /** The page in the export, with the scripts beside it. */
  static String offline(ProcessDiagram diagram, String scriptFolder) {
    return html(diagram, scriptFolder, scriptFolder + BPMN_JS, scriptFolder + VIEWER);
  }

  private static String html(ProcessDiagram diagram, String styleFolder, String bpmnJs, String viewer) {
    return Html.page(diagram.title(), STYLE, BPMN_JS_STYLES.stream().map(css -> styleFolder + css).toList())
        + "<h1>" + escape(diagram.title()) + "</h1>\n"
        + "<p class=\"subtitle\">" + escape(diagram.subtitle()) + "</p>\n"
        + "<ul class=\"legend\"><li class=\"cr-completed\">已完成</li><li class=\"cr-active\">进行中</li>"
        + "<li class=\"cr-canceled\">已中断</li><li class=\"cr-not-executed\">未执行</li>"
        + "<li class=\"cr-taken\">经过的路径</li></ul>\n"
        + "<div id=\"canvas\" class=\"canvas\"></div>\n<p id=\"diagram-error\" class=\"error\" hidden>流程图无法显示。</p>\n"
        + "<script type=\"application/json\" id=\"diagram-data\">" + json(diagram) + "</script>\n"
        + "<script src=\"" + escape(bpmnJs) + "\"></script>\n<script src=\"" + escape(viewer) + "\"></script>\n"
        + "</body></html>\n";
  }

  /** The diagram as JSON that cannot end its script block. */
  static String json(ProcessDiagram diagram) {
    try {
      return JSON.writeValueAsString(diagram).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file of {@link #EXPORTED}, for the export. */
  static byte[] exported(String name) {
    if (!EXPORTED.contains(name)) {
      throw new IllegalArgumentException("not a file of the diagram viewer: " + name);
    }
    String file = name.equals("bpmn-js-" + BPMN_JS_LICENSE) ? BPMN_JS_LICENSE : name;
    String resource = "static" + (name.equals(VIEWER) ? LIVE_VIEWER : LIVE_BPMN_JS_FOLDER + file);
    try (InputStream in = ProcessDiagramPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing on the classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
