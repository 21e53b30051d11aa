package cn.gov.county.campaign.publicity;

import cn.gov.county.campaign.complaint.ComplaintModel;
import cn.gov.county.campaign.complaint.ComplaintSource;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public notice page (公示) of a campaign, without login: only what is published and only
 * during its period, read-only but for one thing, a response from the public to one entry, which
 * becomes a complaint about that unit (ComplaintProcess, source 公示反馈) handled like any other.
 * Nothing else of the application is reachable without login.
 */
@RestController
class PublicCommitmentController {

  static final int RESPONSE_MIN = 5;
  static final int RESPONSE_MAX = 800;
  static final int CONTACT_MAX = 50;

  private final PublicCommitments commitments;
  private final ProblemRegister register;
  private final RuntimeService runtime;
  private final IdentityService identity;

  PublicCommitmentController(PublicCommitments commitments, ProblemRegister register, RuntimeService runtime,
      IdentityService identity) {
    this.commitments = commitments;
    this.register = register;
    this.runtime = runtime;
    this.identity = identity;
  }

  @GetMapping(path = "/public/campaigns/{code}/commitments", produces = "text/html;charset=UTF-8")
  ResponseEntity<String> page(@PathVariable String code) {
    List<PublicEntry> entries = commitments.onPublicNotice(code);
    Optional<String> name = campaignName(code);
    if (entries.isEmpty() && name.isEmpty()) {
      return html(HttpStatus.NOT_FOUND, PublicPage.message("没有找到这个整改活动", "请核对网址中的活动编号。"));
    }
    return html(HttpStatus.OK, PublicPage.render(name.orElse("整改活动"), code, entries, PublicCommitments.today()));
  }

  @PostMapping(path = "/public/campaigns/{code}/commitments/{id}/responses", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = "text/html;charset=UTF-8")
  ResponseEntity<String> respond(@PathVariable String code, @PathVariable long id,
      @RequestParam(name = "content", required = false) String content,
      @RequestParam(name = "contact", required = false) String contact) {
    Optional<PublicEntry> entry = commitments.find(id)
        .filter(e -> e.campaignCode().equals(code) && e.onPublicNotice(PublicCommitments.today()));
    if (entry.isEmpty()) {
      return html(HttpStatus.NOT_FOUND, PublicPage.message("这条公示已不在公示期内", "公示期结束后不再受理对它的反馈；"
          + "如需反映问题，请拨打 12345 热线。"));
    }
    String text = content == null ? "" : content.strip();
    String who = contact == null ? "" : contact.strip();
    if (text.length() < RESPONSE_MIN || text.length() > RESPONSE_MAX) {
      return html(HttpStatus.BAD_REQUEST, PublicPage.message("「反馈内容」填写有误",
          "「反馈内容」须为 " + RESPONSE_MIN + " 至 " + RESPONSE_MAX + " 个字，请返回修改后重新提交。"));
    }
    if (who.length() > CONTACT_MAX) {
      return html(HttpStatus.BAD_REQUEST, PublicPage.message("「联系方式」填写有误",
          "「联系方式」不能超过 " + CONTACT_MAX + " 个字，请返回修改后重新提交。"));
    }
    PublicEntry e = entry.get();
    Map<String, Object> complaint = new HashMap<>();
    complaint.put(ComplaintModel.CAMPAIGN_CODE, code);
    complaint.put(ComplaintModel.DEPARTMENT, e.department());
    complaint.put(ComplaintModel.SOURCE, ComplaintSource.publicity.name());
    complaint.put(ComplaintModel.RECEIVED_ON, PublicCommitments.today().toString());
    complaint.put(ComplaintModel.CONTENT, "对公示的" + e.kind().label() + "（" + describe(e) + "，公示编号 " + e.id()
        + "）的反馈：" + text + (who.isEmpty() ? "" : "（联系方式：" + who + "）"));
    try {
      ProcessInstance started = EngineInternals.withoutUser(identity,
          () -> runtime.startProcessInstanceByKey(ComplaintModel.PROCESS, complaint));
      String number = String.valueOf(runtime.getVariable(started.getId(), ComplaintModel.NUMBER));
      return html(HttpStatus.OK, PublicPage.message("已收到您的反馈", "受理编号 " + number
          + "。领导小组办公室将交纪检监察机关核实，属实的限期整改。感谢您的监督。"));
    } catch (ProcessEngineException refused) {
      return html(HttpStatus.BAD_REQUEST, PublicPage.message("暂时无法受理", "这项活动目前不受理反馈，如需反映问题，请拨打 12345 热线。"));
    }
  }

  private Optional<String> campaignName(String code) {
    return EngineInternals.withoutUser(identity,
        () -> register.campaignVariable(code, "campaignName").map(String::valueOf));
  }

  private static String describe(PublicEntry e) {
    return e.departmentName() + (e.personName() == null ? "" : " " + e.personName())
        + (e.post() == null ? "" : " " + e.post());
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        .body(body);
  }
}
