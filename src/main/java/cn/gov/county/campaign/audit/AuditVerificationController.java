package cn.gov.county.campaign.audit;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verification of a campaign's audit chain, for the office, auditors and the reviewing bodies:
 * JSON, or with {@code ?format=text} the Chinese report. Reads only.
 */
@RestController
class AuditVerificationController {

  /** The sentences of the review workspace (review.CampaignReviewController) this endpoint belongs to. */
  static final String NOT_FOR_YOU = "审计链核验仅供活动办公室和审查、监督部门使用。";

  static String unknown(String code) {
    return "没有编号为 " + code + " 的整改活动。";
  }

  private final AuditChainVerifier verifier;

  AuditVerificationController(AuditChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/campaign/api/review/campaigns/{code}/verification")
  ResponseEntity<?> verification(@PathVariable String code, @RequestParam(required = false) String format,
      HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsAll()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, NOT_FOR_YOU);
    }
    if (!verifier.knows(code)) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, unknown(code));
    }
    AuditVerification verification = verifier.verify(code);
    if ("text".equals(format)) {
      return CampaignApiAuthentication.answer(HttpStatus.OK, AuditReport.text(verification));
    }
    return ResponseEntity.ok(verification);
  }
}
