package cn.gov.county.campaign.record;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Html;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 已办 for a department's users: the tasks their unit has completed, as JSON and as a page linked
 * from Tasklist's header, each row linking to the unit's record in that campaign. Only the caller's
 * own units: nobody names a unit in the request.
 */
@RestController
class DoneTasksController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CampaignDates.CHINA);

  private final DoneTasks done;
  private final OrganizationDirectory directory;
  private final IdentityService identity;

  DoneTasksController(DoneTasks done, OrganizationDirectory directory, IdentityService identity) {
    this.done = done;
    this.directory = directory;
    this.identity = identity;
  }

  @GetMapping("/campaign/api/done-tasks")
  ResponseEntity<?> json(HttpServletRequest request) {
    return ResponseEntity.ok(read(request));
  }

  @GetMapping("/campaign/done")
  ResponseEntity<?> page(HttpServletRequest request) {
    Map<String, List<DoneTasks.DoneTask>> units = read(request);
    StringBuilder html = Html.page("已办",
        "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em auto;"
            + "max-width:64em;color:#222}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #999;"
            + "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}.none{color:#777}")
        .append(
            "<p><a href=\"/camunda/app/tasklist/\">« 返回任务列表</a></p>\n<h1>已办</h1>\n");
    if (units.isEmpty()) {
      html.append("<p class=\"none\">本页列出所在单位已办结的任务；您的账号不属于任何参加整改活动的单位。</p>\n");
    }
    units.forEach((name, tasks) -> {
      html.append("<h2>").append(escape(name)).append("已办结的任务</h2>\n");
      if (tasks.isEmpty()) {
        html.append("<p class=\"none\">本单位尚无已办结的任务。</p>\n");
        return;
      }
      html.append("<table class=\"done-tasks\"><thead><tr><th>任务</th><th>整改活动</th><th>办结时间</th><th>办理人</th>"
          + "<th>单位活动档案</th></tr></thead><tbody>\n");
      for (DoneTasks.DoneTask t : tasks) {
        html.append("<tr><td>").append(escape(t.taskName())).append("</td><td>")
            .append(t.campaignName() == null
                ? escape(n(t.campaignCode()))
                : escape(t.campaignName()) + "（" + escape(t.campaignCode()) + "）")
            .append("</td><td>").append(t.completedAt() == null ? "" : TIME.format(t.completedAt())).append("</td><td>")
            .append(escape(n(t.completedByName()))).append("</td><td>")
            .append(t.recordUrl() == null
                ? ""
                : "<a class=\"record-link\" href=\"" + escape(t.recordUrl()) + "\">查看本单位活动档案</a>")
            .append("</td></tr>\n");
      }
      html.append("</tbody></table>\n");
    });
    html.append("</body></html>\n");
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.toString());
  }

  /** Unit name → its completed tasks, for each unit the caller belongs to. */
  private Map<String, List<DoneTasks.DoneTask>> read(HttpServletRequest request) {
    Set<String> units = new TreeSet<>(CampaignApiAuthentication.current(request).groupIds().stream()
        .filter(directory::isDepartment).toList());
    Map<String, List<DoneTasks.DoneTask>> answer = new LinkedHashMap<>();
    units.forEach(
        unit -> answer.put(directory.nameOf(unit), EngineInternals.withoutUser(identity, () -> done.of(unit))));
    return answer;
  }

  private static String n(String text) {
    return text == null ? "" : text;
  }
}
