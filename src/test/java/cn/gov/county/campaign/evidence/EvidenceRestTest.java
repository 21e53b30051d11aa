package cn.gov.county.campaign.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.supervision.SupervisionModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.audit.AuditChainVerifier;
import cn.gov.county.campaign.audit.AuditFinding;
import cn.gov.county.campaign.audit.AuditVerification;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.problem.ProblemSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence files (佐证材料) through the REST API as departments, the office and auditors use it: the
 * finance bureau uploads a photo on its completion report; the office, the auditor and the bureau
 * read it; the market bureau finds neither the task nor the file; the auditor and the office cannot
 * upload on the bureau's task; files too large, of the wrong type or of a type they are not are
 * refused in Chinese by name and nothing is stored; the file's SHA-256 is in the campaign's audit
 * chain, which verifies clean and reports the file's bytes changed; the export holds the file; a
 * browser session's upload needs its CSRF token; a supervision case's written feedback carries
 * files the deciding body reads.
 */
@CampaignIntegrationTest
class EvidenceRestTest {

  /** Only the finance and market bureaus take part. */
  static final List<String> EXCLUDED = List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-education",
      "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng");
  static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  ProblemRegister problems;

  @Autowired
  AuditChainVerifier verifier;

  @Autowired
  JdbcTemplate jdbc;

  private CampaignRest rest;
  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    driver = new CampaignDriver(engine);
  }

  /** A running campaign of two bureaus, the finance bureau's problem waiting for its completion report. */
  record Fixture(String code, Task completionReport) {
  }

  static Fixture completionReportOfFinance(CampaignDriver driver, ProblemRegister problems, String name) {
    String code = driver.launch(name, EXCLUDED);
    problems.register(code, List.of(new ProblemRegister.NewProblem("dept-finance", ProblemSource.selfInspection,
        "窗口服务态度生硬", "宗旨意识不强", null)));
    driver.complete(driver.open(code, CampaignModel.RectificationItem.DEFINE_MEASURE, "dept-finance"),
        "finance-liaison", Map.of(
            "measure", "开展窗口服务礼仪培训", "target", "窗口服务群众满意率达到95%以上", "responsible", "王敏",
            "rectificationDeadline", java.time.LocalDate.now().plusDays(20).toString()));
    driver.complete(driver.open(code, CampaignModel.RectificationItem.REPORT_PROGRESS, "dept-finance"),
        "finance-liaison",
        Map.of("progressReport", "已完成培训。", "progressStatus", "done"));
    return new Fixture(code,
        driver.open(code, CampaignModel.RectificationItem.SUBMIT_COMPLETION_REPORT, "dept-finance"));
  }

  static byte[] png(int size) {
    byte[] content = new byte[size];
    System.arraycopy(PNG_HEADER, 0, content, 0, PNG_HEADER.length);
    for (int i = PNG_HEADER.length; i < size; i++) {
      content[i] = (byte) (i * 31);
    }
    return content;
  }

  private CampaignRest.Reply upload(String user, String taskId, String fileName, byte[] content) {
    return rest.multipart(user, "/campaign/api/evidence/tasks/" + taskId, Map.of(), "file", fileName,
        "application/octet-stream", content);
  }

  private HttpResponse<byte[]> download(String user, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private long storedFor(String taskId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_evidence WHERE task_id = ?", Long.class, taskId);
  }

  @Test
  void theDepartmentUploadsOnItsCompletionReport_andOnlyThoseWhoReadTheDepartmentReadIt() throws Exception {
    // given: the finance bureau's completion report, open
    Fixture f = completionReportOfFinance(driver, problems, "佐证材料上传演练");
    String task = f.completionReport().getId();
    JsonNode tab = rest.get("finance-liaison", "/campaign/api/evidence/tasks/" + task).json();
    assertThat(tab.path("acceptsEvidence").asBoolean()).isTrue();
    assertThat(tab.path("mayUpload").asBoolean()).isTrue();
    assertThat(tab.path("maxFileSizeLabel").asText()).isEqualTo("10 MB");
    assertThat(tab.path("files")).isEmpty();

    // when: its liaison uploads a photo
    byte[] photo = png(5000);
    CampaignRest.Reply uploaded = upload("finance-liaison", task, "整改前后对比照片.png", photo);

    // then: stored with its SHA-256, listed on the task for the bureau, the office and the auditor
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String id = uploaded.json().path("id").asText();
    assertThat(uploaded.json().path("sha256").asText()).isEqualTo(EvidenceFiles.sha256(photo));
    assertThat(uploaded.json().path("department").asText()).isEqualTo("dept-finance");
    for (String reader : List.of("finance-liaison", "finance-head", "office", "auditor")) {
      JsonNode files = rest.get(reader, "/campaign/api/evidence/tasks/" + task).json().path("files");
      assertThat(files).as(reader).hasSize(1);
      assertThat(files.get(0).path("fileName").asText()).isEqualTo("整改前后对比照片.png");
      assertThat(files.get(0).path("uploadedBy").asText()).isEqualTo("finance-liaison");
      HttpResponse<byte[]> file = download(reader, "/campaign/api/evidence/files/" + id);
      assertThat(file.statusCode()).as(reader).isEqualTo(200);
      assertThat(file.body()).isEqualTo(photo);
      assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
          .contains("UTF-8''" + URLEncoder.encode("整改前后对比照片", StandardCharsets.UTF_8));
    }
    assertThat(rest.get("auditor", "/campaign/api/evidence/tasks/" + task).json().path("mayUpload").asBoolean())
        .isFalse();
    assertThat(rest.get("office", "/campaign/api/evidence/tasks/" + task).json().path("mayUpload").asBoolean())
        .isFalse();

    // then: another department finds neither the task nor the file, and cannot upload to it
    assertThat(rest.get("market-liaison", "/campaign/api/evidence/tasks/" + task).status()).isEqualTo(404);
    HttpResponse<byte[]> foreign = download("market-liaison", "/campaign/api/evidence/files/" + id);
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).isEqualTo("无权查看该单位的佐证材料。");
    assertThat(rest.get("market-liaison", "/campaign/api/evidence/process-instances/"
        + f.completionReport().getProcessInstanceId()).json()).isEmpty();
    assertThat(upload("market-liaison", task, "冒名材料.png", png(100)).status()).isEqualTo(404);

    // then: auditors and the office do not upload on the department's task
    CampaignRest.Reply auditor = upload("auditor", task, "审计.png", png(100));
    assertThat(auditor.status()).isEqualTo(403);
    assertThat(auditor.body()).isEqualTo("审计人员只能查阅，不能上传佐证材料。");
    CampaignRest.Reply office = upload("office", task, "办公室.png", png(100));
    assertThat(office.status()).isEqualTo(403);
    assertThat(office.body()).contains("只有承办「提交办结报告」的人员");
    assertThat(rest.get(null, "/campaign/api/evidence/files/" + id).status()).isEqualTo(401);
    assertThat(storedFor(task)).isEqualTo(1);

    // when: the bureau submits the report; the office records its check with a photo of its own
    Map<String, Object> report = new HashMap<>();
    report.put("completionReport", "窗口人员已全部完成培训，服务态度明显改善。");
    report.put("completedOn", java.time.LocalDate.now().toString());
    driver.complete(f.completionReport(), "finance-liaison", report);
    driver.approveAsHead(f.code(), "dept-finance", CampaignModel.RectificationItem.HEAD_APPROVES_COMPLETION_REPORT);
    Task verification = driver.open(f.code(), CampaignModel.RectificationItem.VERIFY, "dept-finance");
    assertThat(rest.get("office", "/campaign/api/evidence/tasks/" + verification.getId()).json().path("files"))
        .as("the department's file, shown on the office's check").hasSize(1);
    CampaignRest.Reply check = upload("office", verification.getId(), "现场核查记录.pdf",
        "%PDF-1.4\n现场核查：窗口服务规范。\n%%EOF".getBytes(StandardCharsets.UTF_8));
    assertThat(check.status()).as(check.body()).isEqualTo(201);

    // then: the bureau reads the office's check record of its problem, the market bureau does not
    assertThat(rest.get("finance-liaison", "/campaign/api/evidence/process-instances/"
        + verification.getProcessInstanceId()).json()).hasSize(2);
    assertThat(download("market-liaison", "/campaign/api/evidence/files/" + check.json().path("id").asText())
        .statusCode()).isEqualTo(403);
  }

  @Test
  void filesTooLargeOfAWrongTypeOrNotWhatTheySayAreRefusedByName_andTheTaskStaysOpen() {
    // given
    Fixture f = completionReportOfFinance(driver, problems, "佐证材料拒收演练");
    String task = f.completionReport().getId();

    // when / then: just over 10 MB
    CampaignRest.Reply large = upload("finance-liaison", task, "现场照片.png", png(10 * 1024 * 1024 + 1));
    assertThat(large.status()).isEqualTo(413);
    assertThat(large.body()).isEqualTo("「现场照片.png」未上传：文件大小为 10.0 MB，超过了佐证材料每个文件 10 MB 的上限。"
        + "请压缩图片或拆分文件后重新上传。");
    // beyond every upload's limit (32 MB): refused before the application reads it, still in Chinese
    CampaignRest.Reply huge = upload("finance-liaison", task, "整改录像.png", png(33 * 1024 * 1024));
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).startsWith("上传的文件太大，未上传。");
    // a type not accepted
    CampaignRest.Reply script = upload("finance-liaison", task, "整改说明.exe", "MZ".getBytes(StandardCharsets.UTF_8));
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.body()).startsWith("「整改说明.exe」未上传：佐证材料只能是 jpg、jpeg、png、pdf、doc、docx、xls、xlsx 格式的文件");
    // a page renamed to .jpg
    CampaignRest.Reply renamed = upload("finance-liaison", task, "照片.jpg",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.body()).isEqualTo("「照片.jpg」未上传：文件内容不是JPEG 图片，与扩展名 .jpg 不符。请上传原始文件，不要只修改扩展名。");
    // a zip renamed to .docx
    assertThat(upload("finance-liaison", task, "制度.docx", zip("readme.txt")).body())
        .contains("「制度.docx」未上传：文件内容不是Word 文档");
    // an empty file; no file at all; a folder path is cut off
    assertThat(upload("finance-liaison", task, "空.pdf", new byte[0]).body()).isEqualTo("「空.pdf」未上传：文件是空的。");
    CampaignRest.Reply none = rest.multipart("finance-liaison", "/campaign/api/evidence/tasks/" + task,
        Map.of("note", "x"),
        "other", "a.png", "image/png", png(10));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).isEqualTo("请选择要上传的佐证材料文件。");

    // then: nothing stored, the task still open
    assertThat(storedFor(task)).isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);

    // and: a task that takes no evidence refuses it by its name
    Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(f.code())
        .taskDefinitionKey(CampaignModel.SelfInspection.DRAFT_WORK_PLAN)
        .processVariableValueEquals(CampaignModel.DEPARTMENT, "dept-finance")
        .singleResult();
    CampaignRest.Reply refusedOnPlan = upload("finance-liaison", plan.getId(), "方案.pdf",
        "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    assertThat(refusedOnPlan.status()).isEqualTo(400);
    assertThat(refusedOnPlan.body()).startsWith("「制定工作方案」不收佐证材料");
    assertThat(rest.get("finance-liaison", "/campaign/api/evidence/tasks/" + plan.getId()).json()
        .path("mayUpload").asBoolean()).isFalse();

    // and: a good file with a Windows path is kept under its own name
    CampaignRest.Reply good = upload("finance-liaison", task, "C:\\fakepath\\培训签到表.xlsx", xlsx());
    assertThat(good.status()).as(good.body()).isEqualTo(201);
    assertThat(good.json().path("fileName").asText()).isEqualTo("培训签到表.xlsx");
    assertThat(good.json().path("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  @Test
  void theFilesHashIsInTheAuditChain_theChainReportsTheFileChanged_andTheExportHoldsIt() throws Exception {
    // given: a photo on the finance bureau's completion report
    Fixture f = completionReportOfFinance(driver, problems, "佐证材料审计演练");
    byte[] photo = png(20_000);
    CampaignRest.Reply uploaded = upload("finance-liaison", f.completionReport().getId(), "整改照片.png", photo);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String id = uploaded.json().path("id").asText();
    String sha256 = EvidenceFiles.sha256(photo);

    // then: the campaign's chain holds an entry with the file's SHA-256, and the chain verifies clean
    List<Map<String, Object>> entries = jdbc.queryForList("SELECT chain_key, kind, fields FROM campaign_audit_entry "
        + "WHERE row_id = ?", id);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("CHAIN_KEY")).isEqualTo(f.code());
    assertThat(entries.get(0).get("KIND")).isEqualTo("EVIDENCE");
    JsonNode fields = JSON.readTree((String) entries.get(0).get("FIELDS"));
    assertThat(fields.path("sha256").asText()).isEqualTo(sha256);
    assertThat(fields.path("fileName").asText()).isEqualTo("整改照片.png");
    assertThat(fields.path("uploadedBy").asText()).isEqualTo("finance-liaison");
    AuditVerification clean = verifier.verify(f.code());
    assertThat(clean.findings()).isEmpty();
    assertThat(clean.clean()).isTrue();

    // when: someone with database access replaces the file's bytes
    byte[] forged = png(20_000);
    forged[100] ^= 1;
    jdbc.update("UPDATE campaign_evidence SET content = ? WHERE id = ?", forged, id);
    AuditVerification tampered;
    try {
      tampered = verifier.verify(f.code());
    } finally {
      jdbc.update("UPDATE campaign_evidence SET content = ? WHERE id = ?", photo, id);
    }

    // then: the verifier reports it, naming the file
    assertThat(tampered.clean()).isFalse();
    assertThat(tampered.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.kind()).isEqualTo(AuditFinding.Kind.ROW_ALTERED);
      assertThat(finding.table()).isEqualTo("campaign_evidence");
      assertThat(finding.message()).contains("「整改照片.png」的文件内容被改动");
    });
    assertThat(verifier.verify(f.code()).clean()).isTrue();

    // then: the auditor's export holds the file under the bureau's folder, listed with its hash
    HttpResponse<byte[]> export = download("auditor", "/campaign/api/review/campaigns/" + f.code() + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = unzip(export.body());
    String path = "佐证材料/县财政局/" + id.substring(0, 8) + "-整改照片.png";
    assertThat(files).containsKey(path);
    assertThat(files.get(path)).isEqualTo(photo);
    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest.path("evidence")).anySatisfy(e -> {
      assertThat(e.path("path").asText()).isEqualTo(path);
      assertThat(e.path("sha256").asText()).isEqualTo(sha256);
      assertThat(e.path("uploadedBy").asText()).isEqualTo("finance-liaison");
    });
    assertThat(manifest.path("files")).anySatisfy(e -> {
      assertThat(e.path("path").asText()).isEqualTo(path);
      assertThat(e.path("sha256").asText()).isEqualTo(sha256);
    });

    // then: the bureau's dossier lists it, for the bureau itself too
    JsonNode dossier = rest.get("finance-liaison", "/campaign/api/review/campaigns/" + f.code()
        + "/departments/dept-finance/dossier").json();
    assertThat(dossier.path("evidence")).singleElement().satisfies(e -> {
      assertThat(e.path("fileName").asText()).isEqualTo("整改照片.png");
      assertThat(e.path("sha256").asText()).isEqualTo(sha256);
    });
  }

  @Test
  void theDepartmentsWrittenFeedbackOnASupervisionCaseCarriesFiles_readByTheDecidingBody() throws Exception {
    // given: the supervision office orders the education bureau to rectify within 5 working days
    String code = driver.launch("佐证材料督查反馈演练", List.of());
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("campaignCode", code);
    finding.put("department", "dept-education");
    finding.put("cadreName", "钱进");
    finding.put("cadrePost", "办公室主任");
    finding.put("findingSource", "spotCheck");
    finding.put("checkMode", "unannounced");
    finding.put("checkedBy", "县委督查室杨帆");
    finding.put("checkedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    finding.put("finding", "暗访政务服务窗口，工作人员离岗，群众排队等候无人办理。");
    finding.put("evidence", "现场照片三张。");
    finding.put("seriousness", "general");
    finding.put("repeated", false);
    CampaignRest.Reply opened = rest.post("supervisor",
        "/engine-rest/process-definition/key/" + SupervisionModel.PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(finding));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    String instance = opened.json().path("id").asText();
    Task decision = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(SupervisionModel.DECIDE_MEASURE).singleResult();
    assertThat(
        rest.post("supervisor", "/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"supervisor\"}")
            .status())
        .isEqualTo(204);
    assertThat(rest.post("supervisor", "/engine-rest/task/" + decision.getId() + "/submit-form",
        RestCampaignWalkthrough.form(
            Map.of("measure", "rectificationNotice", "rectificationDays", 5, "measureReason", "按建议限期整改。")))
        .status())
        .isEqualTo(204);
    driver.runJobs();
    Task feedback = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(SupervisionModel.SUBMIT_FEEDBACK).singleResult();

    // when: the bureau's liaison attaches the new rule to its feedback
    CampaignRest.Reply rule = upload("education-liaison", feedback.getId(), "离岗登记制度.pdf",
        "%PDF-1.7\n离岗登记制度\n%%EOF".getBytes(StandardCharsets.UTF_8));

    // then: stored for the bureau; the supervision office, which reviews the feedback, and the auditor read it
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    assertThat(rule.json().path("department").asText()).isEqualTo("dept-education");
    String id = rule.json().path("id").asText();
    for (String reader : List.of("education-head", "supervisor", "auditor")) {
      assertThat(download(reader, "/campaign/api/evidence/files/" + id).statusCode()).as(reader).isEqualTo(200);
    }
    assertThat(download("finance-liaison", "/campaign/api/evidence/files/" + id).statusCode()).isEqualTo(403);
    assertThat(
        upload("finance-liaison", feedback.getId(), "x.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(404);
    assertThat(verifier.verify(code).clean()).isTrue();
  }

  @Test
  void anUploadFromTheBrowserSessionNeedsTheSessionsCsrfToken() {
    // given: the liaison logged in to Tasklist (session cookie, CSRF token)
    Fixture f = completionReportOfFinance(driver, problems, "佐证材料防伪令牌演练");
    String path = "/campaign/api/evidence/tasks/" + f.completionReport().getId();
    TasklistSession session = TasklistSession.login(port, "finance-liaison");
    String boundary = "----evidence" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"照片.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(png(100));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String type = "multipart/form-data; boundary=" + boundary;

    // when / then: a page of another site posting with the session's cookie (no token) is refused
    CampaignRest.Reply forged = session.send("POST", path, type, body.toByteArray());
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("防伪令牌");
    assertThat(storedFor(f.completionReport().getId())).isZero();

    // and: the same upload with the token, as the 佐证材料 tab sends it, is taken
    assertThat(session.send("POST", path, type, body.toByteArray(), "X-XSRF-TOKEN", session.xsrf()).status())
        .isEqualTo(201);
    assertThat(storedFor(f.completionReport().getId())).isEqualTo(1);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  private static byte[] zip(String... names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("x".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A real Excel workbook (Apache POI). */
  static byte[] xlsx() {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("签到表").createRow(0).createCell(0).setCellValue("王敏");
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
