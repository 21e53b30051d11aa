package cn.gov.county.campaign.deadline;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday schedules over the web: every signed-in user sees which years are loaded
 * ({@code GET /campaign/api/calendar}); the office uploads a year's schedule as YAML
 * ({@code PUT /campaign/api/calendar/{year}}), which is checked, written to the calendar
 * directory and used at once.
 */
@RestController
@RequestMapping("/campaign/api/calendar")
class CalendarController {

  static final List<String> MAY_IMPORT = List.of(Groups.OFFICE, Groups.ADMINS);

  private final HolidayScheduleStore store;

  CalendarController(HolidayScheduleStore store) {
    this.store = store;
  }

  /** A loaded year; {@code external}: from the calendar directory (the office may replace it). */
  record Year(int year, String source, String location, boolean external, List<HolidaySchedule.Holiday> holidays) {

    static Year of(HolidayScheduleStore.Loaded loaded) {
      HolidaySchedule schedule = loaded.schedule();
      return new Year(schedule.year(), schedule.source(), loaded.location(), loaded.external(), schedule.holidays());
    }
  }

  /** @param refused files of the directory that are not used, with the reason */
  record Calendar(String directory, List<Year> years, List<HolidayScheduleStore.Refused> refused) {
  }

  @GetMapping
  Calendar calendar() {
    HolidayScheduleStore.Snapshot snapshot = store.current();
    // the directory's name only: users never see the server's paths (operators find them in the log)
    return new Calendar(store.directory().getFileName().toString(),
        snapshot.years().values().stream().map(Year::of).toList(),
        snapshot.refused());
  }

  @PutMapping(path = "/{year}", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/x-yaml", "application/yaml",
      "text/yaml", "text/x-yaml"})
  ResponseEntity<?> importYear(@PathVariable int year, @RequestBody byte[] body, HttpServletRequest request) {
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    if (caller == null || MAY_IMPORT.stream().noneMatch(caller::isIn)) {
      return message(HttpStatus.FORBIDDEN, "只有领导小组办公室或系统管理员可以导入节假日安排。");
    }
    String text;
    try {
      text = decode(body, request);
    } catch (CharacterCodingException e) {
      return message(HttpStatus.BAD_REQUEST, "节假日安排文件 " + HolidayScheduleStore.fileName(year)
          + " 有误：内容不是UTF-8编码，请以UTF-8保存后重新导入。");
    }
    return ResponseEntity.ok(Year.of(store.save(year, text)));
  }

  @ExceptionHandler(InvalidScheduleException.class)
  ResponseEntity<Map<String, String>> refused(InvalidScheduleException e) {
    return message(HttpStatus.BAD_REQUEST, e.chinese());
  }

  private static ResponseEntity<Map<String, String>> message(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }

  /** The body in the charset its content type names, else UTF-8 (not HTTP's ISO-8859-1 for text/plain). */
  private static String decode(byte[] body, HttpServletRequest request) throws CharacterCodingException {
    Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
    return (charset == null ? StandardCharsets.UTF_8 : charset).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body))
        .toString();
  }
}
