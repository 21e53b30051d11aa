package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.guard.ServerCalls;
import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Survey results in and out: the office's upload page and templates for the open entry tasks, the
 * upload itself (all or nothing, completing the entry task), and the published ranking.
 */
@RestController
class SurveyController {

  /** Header a browser page must send with an upload, so that another site cannot post one. */

  private final TaskService tasks;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final SurveyRounds rounds;

  SurveyController(TaskService tasks, IdentityService identity, RuntimeService runtime, SurveyRounds rounds) {
    this.tasks = tasks;
    this.identity = identity;
    this.runtime = runtime;
    this.rounds = rounds;
  }

  @GetMapping(value = "/campaign/surveys/entry", produces = "text/html;charset=UTF-8")
  String entryPage(HttpServletRequest request) {
    return SurveyPages.entry(tasks.createTaskQuery().taskDefinitionKey(SurveyModel.ENTRY_TASK)
        .orderByTaskCreateTime().asc().list().stream().map(this::entryOf).toList(),
        CampaignApiAuthentication.csrfToken(request));
  }

  @GetMapping("/campaign/api/surveys/entry/{taskId}/template.{format}")
  ResponseEntity<?> template(@PathVariable String taskId, @PathVariable String format) {
    Optional<Entry> entry = entry(taskId);
    if (entry.isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "找不到该测评结果录入任务，或您无权办理。");
    }
    Entry e = entry.get();
    String fileName = "满意度测评结果-" + e.campaignCode() + "-第" + e.round() + "轮." + format;
    byte[] body;
    MediaType type;
    if (format.equals("csv")) {
      body = SurveyTemplates.csv(e.scale(), e.departments());
      type = new MediaType("text", "csv", StandardCharsets.UTF_8);
    } else if (format.equals("xlsx")) {
      body = SurveyTemplates.xlsx(e.scale(), e.departments(), e.roundName());
      type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    } else {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "模板只有 csv 和 xlsx 两种格式。");
    }
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  /** Reads the whole sheet; any problem refuses it whole (400, one problem per line) and the task stays open. */
  @PostMapping("/campaign/api/surveys/entry/{taskId}")
  ResponseEntity<?> upload(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
      HttpServletRequest request) throws IOException {
    Optional<Entry> entry = entry(taskId);
    if (entry.isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "找不到该测评结果录入任务，或您无权办理。");
    }
    Entry e = entry.get();
    byte[] content = file.getBytes();
    List<SurveyScoring.Entry> entries;
    try {
      entries = SurveyEntries.read(SurveySheet.read(file.getOriginalFilename(), content), e.scale(), e.departments());
    } catch (SurveyInputException refused) {
      return CampaignApiAuthentication.answer(HttpStatus.BAD_REQUEST, "「" + file.getOriginalFilename()
          + "」未导入，请改正以下问题后重新上传：\n" + String.join("\n", refused.problems()));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(SurveyModel.RESULTS, JsonVariables.of(SurveyRows.of(e.departments(), e.scale(), entries)));
    variables.put("surveyUploadFile", file.getOriginalFilename());
    variables.put("surveyUploadSha256", sha256(content));
    // the sheet was checked above; the task's form has no fields for the computed results
    ServerCalls.run(() -> {
      tasks.complete(taskId, variables);
      return null;
    });
    return CampaignApiAuthentication.answer(HttpStatus.OK, "已导入 " + entries.size() + " 个单位的测评票数，得分和排名已生成，请到任务列表审定。");
  }

  @GetMapping(value = "/campaign/surveys/{processInstanceId}", produces = "text/html;charset=UTF-8")
  ResponseEntity<?> ranking(@PathVariable String processInstanceId, HttpServletRequest request) {
    if (!CampaignApiAuthentication.current(request).readsAll()) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看全部单位的测评排名。");
    }
    return rounds.round(processInstanceId)
        .<ResponseEntity<?>>map(
            round -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(SurveyPages.ranking(round,
                    rounds.campaign(round.campaignCode()).map(SurveyRounds.Campaign::name).orElse(""))))
        .orElseGet(() -> CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有这一轮测评。"));
  }

  /** The campaign's rounds; a department sees only its own rows. */
  @GetMapping("/campaign/api/surveys")
  ResponseEntity<?> surveys(@RequestParam String campaignCode, HttpServletRequest request) {
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    // a department may not read the survey process's history; it gets its own rows from it here
    List<SurveyRounds.Round> all = EngineInternals.withoutUser(identity, () -> rounds.rounds(campaignCode));
    return ResponseEntity.ok(all.stream().map(round -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("processInstanceId", round.processInstanceId());
      r.put("round", round.round());
      r.put("name", round.name());
      r.put("surveyDate", round.surveyDate());
      r.put("scale", round.scale());
      r.put("countsForConsequences", round.countsForConsequences());
      r.put("finished", round.endedAt() != null);
      r.put("approval", round.approval());
      r.put("publication", round.publication());
      List<JsonNode> rows = new java.util.ArrayList<>();
      round.ranking().forEach(row -> {
        if (caller.reads(row.path("department").asText())) {
          rows.add(row);
        }
      });
      r.put("ranking", rows);
      return r;
    }).toList());
  }

  record Entry(String taskId, String campaignCode, String campaignName, int round, String roundName, SurveyScale scale,
      List<cn.gov.county.campaign.organization.Organization.Department> departments) {
  }

  private Optional<Entry> entry(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(SurveyModel.ENTRY_TASK).singleResult();
    return Optional.ofNullable(task).map(this::entryOf);
  }

  private Entry entryOf(Task task) {
    Map<String, Object> v = runtime.getVariables(task.getProcessInstanceId(),
        List.of(CampaignModel.CAMPAIGN_CODE, "campaignName", SurveyModel.ROUND, SurveyModel.ROUND_NAME,
            SurveyModel.SCALE));
    String code = (String) v.get(CampaignModel.CAMPAIGN_CODE);
    return new Entry(task.getId(), code, (String) v.get("campaignName"), (Integer) v.get(SurveyModel.ROUND),
        (String) v.get(SurveyModel.ROUND_NAME), rounds.scale((String) v.get(SurveyModel.SCALE)).orElseThrow(),
        rounds.campaign(code).map(SurveyRounds.Campaign::departments).orElse(List.of()));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
