package cn.gov.county.campaign.record;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.EngineInternals;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's campaign record, as JSON and as a printable page: the office and the reviewing
 * bodies read every department's, a department its own (without its leaders' democratic evaluation).
 */
@RestController
class DepartmentRecordController {

  private final DepartmentRecords records;
  private final IdentityService identity;

  DepartmentRecordController(DepartmentRecords records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  @GetMapping("/campaign/api/campaigns/{code}/departments/{department}/record")
  ResponseEntity<?> record(@PathVariable String code, @PathVariable String department, HttpServletRequest request) {
    return read(code, department, request, MediaType.APPLICATION_JSON, false);
  }

  @GetMapping("/campaign/campaigns/{code}/departments/{department}")
  ResponseEntity<?> page(@PathVariable String code, @PathVariable String department, HttpServletRequest request) {
    return read(code, department, request, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), true);
  }

  private ResponseEntity<?> read(String code, String department, HttpServletRequest request, MediaType type,
      boolean html) {
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    if (!caller.reads(department)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该单位的活动档案。");
    }
    return EngineInternals.withoutUser(identity, () -> records.of(code, department))
        .map(record -> caller.readsAll() ? record : record.forTheDepartment())
        .<ResponseEntity<?>>map(record -> ResponseEntity.ok().contentType(type)
            .body(html ? DepartmentRecordPage.render(record) : record))
        .orElseGet(
            () -> CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有活动 " + code + " 或单位 " + department + "。"));
  }
}
