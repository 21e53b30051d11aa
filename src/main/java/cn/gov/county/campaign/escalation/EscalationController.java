package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
  Record escalations(@RequestParam String campaignCode, @RequestParam(required = false) String department,
      HttpServletRequest request) {
    var caller = CampaignApiAuthentication.current(request);
    if (department == null ? !caller.readsAll() : !caller.reads(department)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该督办记录");
    }
    return new Record(ledger.escalations(campaignCode, department), ledger.steps(campaignCode, department));
  }
}
