package cn.gov.county.campaign.review;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.EngineInternals;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign view's API (the Cockpit plugin's calls): every campaign, a campaign's ledger and
 * timeline, its operation log and its export. Read only: there is no other method than GET. For
 * the office and the reviewing bodies (auditors, discipline inspection, ...); departments read
 * their own record elsewhere.
 */
@RestController
class CampaignReviewController {

  static final String READ_ONLY = "审查工作台只供查阅，不能修改任何数据。";
  static final String NOT_FOR_YOU = "审查工作台仅供活动办公室和审查、监督部门使用。";

  private final CampaignReviews reviews;
  private final CampaignArchive archive;
  private final IdentityService identity;
  private final PeopleNames people;

  CampaignReviewController(CampaignReviews reviews, CampaignArchive archive, IdentityService identity,
      PeopleNames people) {
    this.people = people;
    this.reviews = reviews;
    this.archive = archive;
    this.identity = identity;
  }

  @GetMapping("/campaign/api/review/campaigns")
  ResponseEntity<?> campaigns(HttpServletRequest request) {
    return read(request, () -> ResponseEntity.ok(reviews.campaigns()));
  }

  @GetMapping("/campaign/api/review/campaigns/{code}")
  ResponseEntity<?> campaign(@PathVariable String code, HttpServletRequest request) {
    return read(request, () -> reviews.overview(code).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> unknown(code)));
  }

  @GetMapping("/campaign/api/review/campaigns/{code}/operation-log")
  ResponseEntity<?> operationLog(@PathVariable String code, HttpServletRequest request) {
    return read(request, () -> reviews.operationLog(code).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> unknown(code)));
  }

  @GetMapping("/campaign/api/review/campaigns/{code}/export")
  ResponseEntity<?> export(@PathVariable String code, HttpServletRequest request) {
    String user = CampaignApiAuthentication.current(request).userId();
    return read(request, () -> archive.export(code, user).<ResponseEntity<?>>map(a -> ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(a.bytes())).orElseGet(() -> unknown(code)));
  }

  /** User id → name, for the workspace to show people by name (dossiers carry user ids). */
  @GetMapping("/campaign/api/review/people")
  ResponseEntity<?> people(HttpServletRequest request) {
    return read(request, () -> ResponseEntity.ok(people.all()));
  }

  /** Who may use the workspace at all, e.g. for the plugin to say so instead of showing empty tables. */
  @GetMapping("/campaign/api/review/me")
  ResponseEntity<?> me(HttpServletRequest request) {
    var caller = CampaignApiAuthentication.current(request);
    return ResponseEntity
        .ok(Map.of("userId", caller.userId(), "groups", caller.groupIds(), "reviews", caller.readsAll()));
  }

  /** The workspace changes nothing: any writing method is refused, with a sentence saying so. */
  @RequestMapping(path = "/campaign/api/review/**", method = {RequestMethod.POST, RequestMethod.PUT,
      RequestMethod.PATCH, RequestMethod.DELETE})
  ResponseEntity<?> readOnly() {
    return CampaignApiAuthentication.answer(HttpStatus.METHOD_NOT_ALLOWED, READ_ONLY);
  }

  private ResponseEntity<?> read(HttpServletRequest request, Supplier<ResponseEntity<?>> answer) {
    if (!CampaignApiAuthentication.current(request).readsAll()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, NOT_FOR_YOU);
    }
    return EngineInternals.withoutUser(identity, answer);
  }

  private static ResponseEntity<?> unknown(String code) {
    return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有编号为 " + code + " 的整改活动。");
  }
}
