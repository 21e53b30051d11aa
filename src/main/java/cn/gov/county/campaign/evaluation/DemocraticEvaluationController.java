package cn.gov.county.campaign.evaluation;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The democratic evaluation records (votes, shares, flag, the organization department's
 * decision). Votes about leaders are sensitive: only the office, the organization department,
 * discipline inspection, auditors and administrators read them; departments do not, not even
 * their own leaders'.
 */
@RestController
class DemocraticEvaluationController {

  static final List<String> READERS = List.of(Groups.OFFICE, Groups.ORGANIZATION_DEPT,
      Groups.DISCIPLINE_INSPECTION, Groups.AUDITORS, Groups.ADMINS);

  private final DemocraticEvaluations evaluations;

  DemocraticEvaluationController(DemocraticEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @GetMapping("/campaign/api/democratic-evaluations")
  ResponseEntity<?> records(@RequestParam(required = false) String department,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String campaignCode,
      HttpServletRequest request) {
    var caller = CampaignApiAuthentication.current(request);
    if (READERS.stream().noneMatch(caller::isIn)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN,
          "民主测评结果仅限领导小组办公室、组织部、纪检监察机关和审计人员查看。");
    }
    return ResponseEntity.ok(evaluations.find(blankToNull(department), year, blankToNull(campaignCode)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
