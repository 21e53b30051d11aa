package cn.gov.county.campaign.evidence;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.CampaignApiAuthentication.Caller;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.UserRights;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
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
 * Evidence files over HTTP (session or Basic, see {@link CampaignApiAuthentication}): the task's
 * files for Tasklist's 佐证材料 tab, the upload and the download.
 *
 * <p>Upload: only on an open task that accepts evidence ({@link EvidenceModel}), only by who may
 * work on it (a member of its candidate group, its assignee), never an auditor. The campaign and
 * department are the instance's, never the request's. Read: who reads the department's records
 * (its own users, the office, the working bodies, auditors); another department does not even
 * find the task (404) and is refused the file (403).
 */
@RestController
class EvidenceController {

  private static final String AUDITORS = Groups.AUDITORS;

  private final EvidenceFiles files;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final UserRights rights;
  private final long requestLimit;

  EvidenceController(EvidenceFiles files, TaskService tasks, HistoryService history,
      IdentityService identity, UserRights rights, ObjectProvider<MultipartProperties> multipart) {
    this.files = files;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.rights = rights;
    // without a web server (an application started for its engine alone) there is no multipart limit to check
    MultipartProperties limits = multipart.getIfAvailable();
    this.requestLimit = limits == null
        ? Long.MAX_VALUE
        : Math.min(positive(limits.getMaxFileSize().toBytes()), positive(limits.getMaxRequestSize().toBytes()));
    if (files.maxSize() >= requestLimit) {
      throw new IllegalStateException("campaign.evidence.max-file-size (" + files.maxSize() + " bytes) must be below "
          + "spring.servlet.multipart.max-file-size and max-request-size (" + requestLimit + " bytes), so that an "
          + "oversized evidence file reaches the application and is refused by name");
    }
  }

  private static long positive(long bytes) {
    return bytes < 0 ? Long.MAX_VALUE : bytes;
  }

  /** The task's instance's files for the tab, and whether (and what) the caller may upload there. */
  @GetMapping("/campaign/api/evidence/tasks/{taskId}")
  ResponseEntity<?> ofTask(@PathVariable String taskId, HttpServletRequest request) {
    Caller caller = CampaignApiAuthentication.current(request);
    Task open = tasks.createTaskQuery().taskId(taskId).singleResult();
    String processInstanceId;
    String taskName;
    String taskDefinitionKey;
    if (open != null) {
      processInstanceId = open.getProcessInstanceId();
      taskName = open.getName();
      taskDefinitionKey = open.getTaskDefinitionKey();
    } else {
      HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (done == null) {
        return notFound();
      }
      processInstanceId = done.getProcessInstanceId();
      taskName = done.getName();
      taskDefinitionKey = done.getTaskDefinitionKey();
    }
    Optional<EvidenceFiles.Target> target = processInstanceId == null
        ? Optional.empty()
        : target(taskId, taskDefinitionKey, taskName, processInstanceId);
    boolean accepts = target.isPresent()
        && EvidenceModel.accepts(target.get().processDefinitionKey(), taskDefinitionKey);
    boolean mayUpload = accepts && open != null && !caller.isIn(AUDITORS) && rights.mayWorkOn(open);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("taskId", taskId);
    body.put("taskName", taskName);
    body.put("processInstanceId", processInstanceId);
    body.put("acceptsEvidence", accepts);
    body.put("mayUpload", mayUpload);
    body.put("maxFileSize", files.maxSize());
    body.put("maxFileSizeLabel", files.maxSizeLabel());
    body.put("requestLimit", requestLimit);
    body.put("types", files.types());
    body.put("files",
        processInstanceId == null ? List.of() : readable(caller, files.ofProcessInstance(processInstanceId)));
    return ResponseEntity.ok(body);
  }

  /** The files of a process instance the caller may read. */
  @GetMapping("/campaign/api/evidence/process-instances/{processInstanceId}")
  List<Map<String, Object>> ofProcessInstance(@PathVariable String processInstanceId, HttpServletRequest request) {
    return readable(CampaignApiAuthentication.current(request), files.ofProcessInstance(processInstanceId));
  }

  @PostMapping("/campaign/api/evidence/tasks/{taskId}")
  ResponseEntity<?> upload(@PathVariable String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request) throws IOException {
    Caller caller = CampaignApiAuthentication.current(request);
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return notFound();
    }
    if (caller.isIn(AUDITORS)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "审计人员只能查阅，不能上传佐证材料。");
    }
    if (!rights.mayWorkOn(task)) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "只有承办「" + task.getName() + "」的人员才能为它上传佐证材料。");
    }
    Optional<EvidenceFiles.Target> target = target(task.getId(), task.getTaskDefinitionKey(), task.getName(),
        task.getProcessInstanceId());
    if (target.isEmpty() || !EvidenceModel.accepts(target.get().processDefinitionKey(), task.getTaskDefinitionKey())) {
      return CampaignApiAuthentication.answer(HttpStatus.BAD_REQUEST, "「" + task.getName() + "」不收佐证材料；"
          + "请在提交办结报告、书面反馈或核查整改情况时上传。");
    }
    if (target.get().campaignCode() == null) {
      return CampaignApiAuthentication.answer(HttpStatus.BAD_REQUEST, "「" + task.getName() + "」不属于任何整改活动，不能上传佐证材料。");
    }
    try {
      if (file == null) {
        throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST, "请选择要上传的佐证材料文件。");
      }
      String name = EvidenceFiles.cleanName(file.getOriginalFilename());
      if (file.getSize() > files.maxSize()) {
        files.check(name, file.getSize(), new byte[0]);
      }
      EvidenceFile stored = files.store(target.get(), name, file.getBytes(), caller.userId());
      return ResponseEntity.status(HttpStatus.CREATED).body(view(stored));
    } catch (EvidenceRefusedException refused) {
      return CampaignApiAuthentication.answer(refused.status, refused.getMessage());
    }
  }

  @GetMapping("/campaign/api/evidence/files/{id}")
  ResponseEntity<?> download(@PathVariable String id, HttpServletRequest request) {
    Optional<EvidenceFile> file = files.find(id);
    if (file.isEmpty()) {
      return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "没有这份佐证材料。");
    }
    if (!CampaignApiAuthentication.current(request).reads(file.get().department())) {
      return CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN, "无权查看该单位的佐证材料。");
    }
    byte[] content = files.content(id).orElseThrow();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.get().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.get().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static ResponseEntity<String> notFound() {
    return CampaignApiAuthentication.answer(HttpStatus.NOT_FOUND, "找不到该任务，或您无权查看。");
  }

  /** The instance's campaign, department and root, read by the server (the caller may not read the instance). */
  private Optional<EvidenceFiles.Target> target(String taskId, String taskDefinitionKey, String taskName,
      String processInstanceId) {
    return EngineInternals.withoutUser(identity, () -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (instance == null) {
        return Optional.empty();
      }
      Map<String, Object> variables = new LinkedHashMap<>();
      history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
          .variableNameIn(EvidenceModel.DEPARTMENT, EvidenceModel.CAMPAIGN_CODE).list()
          .forEach(v -> {
            if (v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(processInstanceId)) {
              variables.put(v.getName(), v.getValue());
            }
          });
      Object code = variables.get(EvidenceModel.CAMPAIGN_CODE);
      String campaignCode = code instanceof String s && !s.isBlank() ? s : instance.getBusinessKey();
      Object department = variables.get(EvidenceModel.DEPARTMENT);
      return Optional.of(new EvidenceFiles.Target(taskId, taskDefinitionKey, taskName, processInstanceId,
          instance.getRootProcessInstanceId(), instance.getProcessDefinitionKey(), campaignCode,
          department instanceof String s ? s : null));
    });
  }

  private static List<Map<String, Object>> readable(Caller caller, List<EvidenceFile> all) {
    return all.stream().filter(f -> caller.reads(f.department())).map(EvidenceController::view).toList();
  }

  static Map<String, Object> view(EvidenceFile f) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", f.id());
    v.put("fileName", f.fileName());
    v.put("contentType", f.contentType());
    v.put("size", f.size());
    v.put("sizeLabel", EvidenceFile.sizeLabel(f.size()));
    v.put("sha256", f.sha256());
    v.put("taskId", f.taskId());
    v.put("taskName", f.taskName());
    v.put("department", f.department());
    v.put("uploadedBy", f.uploadedBy());
    v.put("uploadedAt", f.uploadedAt());
    v.put("url", f.url());
    return v;
  }
}
