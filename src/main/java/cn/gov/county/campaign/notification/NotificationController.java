package cn.gov.county.campaign.notification;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /campaign/api/notifications?campaignCode=X[&department=Y]}: the notification records
 * of a campaign. A department reads its own; all departments at once only the working bodies
 * that read everything (office, auditors, ...).
 */
@RestController
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/campaign/api/notifications")
  ResponseEntity<?> notifications(@RequestParam String campaignCode, @RequestParam(required = false) String department,
      HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsRecordsOf(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN,
          department == null ? "无权查看全部部门的通知记录。" : "无权查看该部门的通知记录。");
    }
    return ResponseEntity.ok(notifications.ofCampaign(campaignCode, department));
  }
}
