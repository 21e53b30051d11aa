package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.CampaignApiAuthentication.Caller;
import cn.gov.county.campaign.system.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /campaign/api/campaigns/{code}/complaints[?department=dept-x]}: the campaign's
 * complaints. The office, discipline inspection, auditors (and the other working bodies) read all;
 * a department reads the complaints against itself only, with or without naming itself.
 *
 * <p>{@code GET /campaign/api/campaigns/{code}/complaints/ranking}: the departments with the most
 * substantiated complaints, for the working bodies only.
 */
@RestController
class ComplaintController {

  private final Complaints complaints;

  ComplaintController(Complaints complaints) {
    this.complaints = complaints;
  }

  @GetMapping("/campaign/api/campaigns/{code}/complaints")
  ResponseEntity<?> complaints(@PathVariable String code, @RequestParam(required = false) String department,
      HttpServletRequest request) {
    Caller caller = CampaignApiAuthentication.current(request);
    if (department != null && !caller.reads(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该单位的投诉举报记录。");
    }
    List<String> own = caller.groupIds().stream().filter(group -> group.startsWith(Groups.DEPARTMENT_PREFIX)).toList();
    if (department == null && !caller.readsAll() && own.isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看投诉举报记录。");
    }
    if (!complaints.campaignExists(code)) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有编号为 " + code + " 的整改活动。");
    }
    if (department != null) {
      return ResponseEntity.ok(complaints.ofDepartment(code, department));
    }
    if (caller.readsAll()) {
      return ResponseEntity.ok(complaints.ofCampaign(code));
    }
    return ResponseEntity.ok(own.stream().flatMap(d -> complaints.ofDepartment(code, d).stream())
        .sorted(Comparator.comparing(ComplaintRecord::registeredAt)).toList());
  }

  @GetMapping("/campaign/api/campaigns/{code}/complaints/ranking")
  ResponseEntity<?> ranking(@PathVariable String code, HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsAll()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看各单位投诉举报查实情况排名。");
    }
    if (!complaints.campaignExists(code)) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有编号为 " + code + " 的整改活动。");
    }
    return ResponseEntity.ok(complaints.mostSubstantiated(code));
  }
}
