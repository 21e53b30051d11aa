package cn.gov.county.campaign.notice;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices in the browser and as JSON. A department reads the notices that concern it and those
 * circulated to every unit (通报); the working bodies and the auditors read all of them.
 */
@RestController
class NoticeController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final Notices notices;

  NoticeController(Notices notices) {
    this.notices = notices;
  }

  /** The printable document as it was issued. */
  @GetMapping("/campaign/notices/{id}")
  ResponseEntity<String> document(@PathVariable long id, HttpServletRequest request) {
    var notice = notices.find(id);
    if (notice.isEmpty()) {
      return message(HttpStatus.NOT_FOUND, "文书不存在。");
    }
    if (!notice.get().circulated() && !CampaignApiAuthentication.current(request).reads(notice.get().department())) {
      return message(HttpStatus.FORBIDDEN, "无权查看此文书。");
    }
    return ResponseEntity.ok().contentType(HTML).body(notices.html(id).orElseThrow());
  }

  /** The campaign's notices, or those concerning one department. */
  @GetMapping("/campaign/api/notices")
  ResponseEntity<?> list(@RequestParam String campaignCode, @RequestParam(required = false) String department,
      HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsRecordsOf(department)) {
      return message(HttpStatus.FORBIDDEN,
          department == null ? "无权查看全部文书，请指定本单位（department）。" : "无权查看该单位的文书。");
    }
    return ResponseEntity.ok(notices.ofCampaign(campaignCode, department));
  }

  private static ResponseEntity<String> message(HttpStatus status, String text) {
    return CampaignApiAuthentication.answer(status, text);
  }
}
