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

  private final AuditChainVerifier verifier;

  AuditVerificationController(AuditChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/campaign/api/review/campaigns/{code}/verification")
  ResponseEntity<?> verification(@PathVariable String code, @RequestParam(required = false) String format,
      HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsAll()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN,
          "无权核验审计链：只有领导小组办公室、审计组和监督检查机关可以核验活动的历史记录。");
    }
    if (!verifier.knows(code)) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有活动 " + code + "。");
    }
    AuditVerification verification = verifier.verify(code);
    if ("text".equals(format)) {
      return CampaignApiAuthentication.answer(HttpStatus.OK, AuditReport.text(verification));
    }
    return ResponseEntity.ok(verification);
  }
}
