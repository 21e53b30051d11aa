package cn.gov.county.campaign.review;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.EngineInternals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only review API: a department's dossier in a campaign (JSON) and the diagram of any of its
 * process instances with the path taken (a page drawn by bpmn-js, {@link ProcessDiagramPage}). The office and the reviewing bodies (auditors,
 * leading group, discipline inspection, ...) read every department's; a department's own users
 * read their own department's, as for its record, without its leaders' democratic evaluation.
 * History is read without the caller's engine authorizations after this check. Only GET is
 * mapped: anything else is 405.
 */
@RestController
class DepartmentDossierController {

  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final DepartmentDossiers dossiers;
  private final ProcessDiagrams diagrams;
  private final IdentityService identity;

  DepartmentDossierController(DepartmentDossiers dossiers, ProcessDiagrams diagrams, IdentityService identity) {
    this.dossiers = dossiers;
    this.diagrams = diagrams;
    this.identity = identity;
  }

  @GetMapping("/campaign/api/review/campaigns/{code}/departments/{department}/dossier")
  ResponseEntity<?> dossier(@PathVariable String code, @PathVariable String department, HttpServletRequest request) {
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    if (!caller.reads(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该单位的活动卷宗。");
    }
    boolean withRestricted = caller.readsAll();
    return EngineInternals.withoutUser(identity, () -> dossiers.of(code, department, withRestricted))
        .<ResponseEntity<?>>map(dossier -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
            .contentType(MediaType.APPLICATION_JSON).body(dossier))
        .orElseGet(() -> CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND,
            "没有活动 " + code + " 或单位 " + department + "。"));
  }

  /**
   * The instance's diagram. An instance of a department is read as that department's record; an
   * instance of no single department (the campaign itself, a survey round, a mail delivery) and an
   * instance the department may not read ({@link DepartmentDossiers#RESTRICTED_PROCESSES}) only by
   * those who read every department's.
   */
  @GetMapping("/campaign/api/review/process-instances/{id}/diagram")
  ResponseEntity<?> diagram(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    Optional<ProcessDiagrams.Subject> subject = EngineInternals.withoutUser(identity, () -> diagrams.find(id));
    if (subject.isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有流程实例 " + id + "。");
    }
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    String department = subject.get().department();
    boolean allowed = caller.readsAll() || (department != null && subject.get().readableByDepartment()
        && caller.reads(department));
    if (!allowed) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该流程实例的流程图。");
    }
    ProcessDiagram diagram = EngineInternals.withoutUser(identity, () -> diagrams.diagram(subject.get()));
    // the review workspace shows the page in a frame: same-origin framing only (instead of
    // PageHeaders' 'none'); no other source than this server
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore())
        .body(ProcessDiagramPage.live(diagram).getBytes(StandardCharsets.UTF_8));
  }
}
