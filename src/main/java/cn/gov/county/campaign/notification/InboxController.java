package cn.gov.county.campaign.notification;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own messages (消息), read by Tasklist's header: {@code GET /campaign/api/messages} (the
 * newest and the unread count), {@code GET /campaign/api/messages/unread}, {@code POST
 * /campaign/api/messages/{id}/read} and {@code POST /campaign/api/messages/read} (all). The caller is
 * the logged-in user; nobody names a recipient, so another's message is simply not found.
 */
@RestController
class InboxController {

  static final String NOT_FOUND = "没有这条消息。";

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/campaign/api/messages")
  Map<String, Object> messages(HttpServletRequest request) {
    String user = CampaignApiAuthentication.current(request).userId();
    return Map.of("unread", inbox.unread(user), "messages", inbox.of(user));
  }

  @GetMapping("/campaign/api/messages/unread")
  Map<String, Object> unread(HttpServletRequest request) {
    return Map.of("unread", inbox.unread(CampaignApiAuthentication.current(request).userId()));
  }

  @PostMapping("/campaign/api/messages/{id}/read")
  ResponseEntity<?> markRead(@PathVariable long id, HttpServletRequest request) {
    String user = CampaignApiAuthentication.current(request).userId();
    if (!inbox.markRead(user, id)) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, NOT_FOUND);
    }
    return ResponseEntity.ok(Map.of("unread", inbox.unread(user)));
  }

  @PostMapping("/campaign/api/messages/read")
  Map<String, Object> markAllRead(HttpServletRequest request) {
    String user = CampaignApiAuthentication.current(request).userId();
    int marked = inbox.markAllRead(user);
    return Map.of("marked", marked, "unread", inbox.unread(user));
  }
}
