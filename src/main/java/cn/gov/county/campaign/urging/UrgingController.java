package cn.gov.county.campaign.urging;

import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.CampaignApiAuthentication.Caller;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 催办 over HTTP (session with CSRF token, or Basic): the office urges a unit from the ledger; the
 * department reads the urgings on its task (Tasklist's 催办 tab, and any banner:
 * {@code GET /campaign/api/tasks/{taskId}/urgings}). Only the office urges; auditors and the other
 * working bodies read; a department reads its own tasks' urgings only (another's task: 404).
 */
@RestController
class UrgingController {

  static final String OFFICE_ONLY = "只有领导小组办公室可以催办。";

  private final Urgings urgings;
  private final OrganizationDirectory directory;
  private final TaskService tasks;
  private final IdentityService identity;

  UrgingController(Urgings urgings, OrganizationDirectory directory, TaskService tasks, IdentityService identity) {
    this.urgings = urgings;
    this.directory = directory;
    this.tasks = tasks;
    this.identity = identity;
  }

  @PostMapping("/campaign/api/campaigns/{code}/departments/{department}/urgings")
  ResponseEntity<?> urge(@PathVariable String code, @PathVariable String department, HttpServletRequest request) {
    Caller caller = CampaignApiAuthentication.current(request);
    if (!caller.isIn(Groups.OFFICE)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, OFFICE_ONLY);
    }
    if (!directory.isDepartment(department)
        || EngineInternals.withoutUser(identity, () -> urgings.campaignRoot(code)).isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有活动 " + code + " 或单位 " + department + "。");
    }
    return EngineInternals.withoutUser(identity, () -> urgings.urge(code, department, caller.userId()))
        .<ResponseEntity<?>>map(done -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
            "message", "已催办" + directory.nameOf(department) + "：" + String.join("、",
                done.stream().map(u -> "「" + u.taskName() + "」").distinct().toList()) + "，该单位在任务列表中即可看到。",
            "urgings", done)))
        .orElseGet(() -> CampaignApiAuthentication.answer(HttpStatus.CONFLICT,
            directory.nameOf(department) + "在该活动中目前没有待办事项，无需催办。"));
  }

  /** The urgings about a task the caller may see, the latest first (for the 催办 tab and the task banner). */
  @GetMapping("/campaign/api/tasks/{taskId}/urgings")
  ResponseEntity<?> ofTask(@PathVariable String taskId, HttpServletRequest request) {
    Caller caller = CampaignApiAuthentication.current(request);
    boolean visible = caller.readsAll()
        ? EngineInternals.withoutUser(identity, () -> tasks.createTaskQuery().taskId(taskId).count()) > 0
        : tasks.createTaskQuery().taskId(taskId).count() > 0;
    if (!visible) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有找到该任务，或您无权查看。");
    }
    List<Urging> found = urgings.ofTask(taskId);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("taskId", taskId);
    answer.put("count", found.size());
    answer.put("latest", found.isEmpty() ? null : found.get(0));
    answer.put("urgings", found);
    return ResponseEntity.ok(answer);
  }

  /** A unit's urgings in a campaign: the office and the reviewing bodies, or the unit itself. */
  @GetMapping("/campaign/api/campaigns/{code}/departments/{department}/urgings")
  ResponseEntity<?> ofUnit(@PathVariable String code, @PathVariable String department, HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).reads(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该单位的催办记录。");
    }
    return ResponseEntity.ok(urgings.ofUnit(code, department));
  }
}
