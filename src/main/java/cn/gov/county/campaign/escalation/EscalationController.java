package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's supervision record in a campaign: which tasks were overdue, when they were
 * delivered, and every step of the ladder (for the office's ledger and the auditors).
 */
@RestController
class EscalationController {

  record Record(List<EscalationLedger.Escalation> escalations, List<EscalationLedger.Step> steps) {
  }

  private final EscalationLedger ledger;

  EscalationController(EscalationLedger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/campaign/api/escalations")
  ResponseEntity<?> escalations(@RequestParam String campaignCode, @RequestParam(required = false) String department,
      HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsRecordsOf(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN,
          department == null ? "无权查看全部单位的督办记录，请指定本单位（department）。" : "无权查看该单位的督办记录。");
    }
    return ResponseEntity.ok(new Record(ledger.escalations(campaignCode, department),
        ledger.steps(campaignCode, department)));
  }
}
