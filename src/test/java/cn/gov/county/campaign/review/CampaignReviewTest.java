package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.escalation.AugustCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The campaign view's API as the auditor and the office use it: a finished campaign read in full
 * (ledger, timeline, operation log, export), the ledger's traffic lights as deadlines approach and
 * pass, and every attempt of the auditor to change something refused.
 */
@CampaignIntegrationTest
class CampaignReviewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aFinishedCampaignIsReadInFullByTheAuditor_andExportedWithAManifestThatMatches() throws Exception {
    String code = new RestCampaignWalkthrough(rest, engine).runToTheEnd("审查演练活动");

    JsonNode campaigns = rest.get("auditor", "/campaign/api/review/campaigns").json();
    assertThat(campaigns).filteredOn(c -> c.path("code").asText().equals(code)).singleElement().satisfies(c -> {
      assertThat(c.path("name").asText()).isEqualTo("审查演练活动");
      assertThat(c.path("state").asText()).isEqualTo("已结束");
      assertThat(c.path("departments").asInt()).isEqualTo(2);
      assertThat(c.path("phases"))
          .extracting(p -> p.path("phase").asText() + (p.path("completedAt").isNull() ? "" : " 完成"))
          .containsExactly("宣传发动和自查自纠 完成", "调查研究和收集意见 完成", "梳理问题与限期整改 完成", "总结深化与巩固提高 完成");
    });

    CampaignRest.Reply reply = rest.get("auditor", "/campaign/api/review/campaigns/" + code);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode overview = reply.json();
    assertThat(overview.path("ledger"))
        .extracting(r -> r.path("departmentName").asText() + " " + r.path("light").asText()
            + " " + r.path("finalAssessment").asText())
        .containsExactly("县财政局 green 好", "县市场监督管理局 green 好");
    assertThat(overview.path("ledger").get(0).path("phases"))
        .extracting(p -> p.path("phase").asText() + "：" + p.path("status").asText())
        .containsExactly("宣传发动和自查自纠：按时完成", "梳理问题与限期整改：按时完成", "总结深化与巩固提高：按时完成");
    assertThat(overview.path("timeline")).extracting(t -> t.path("text").asText())
        .contains("发起整改活动", "宣传发动和自查自纠阶段开始", "召开专题会议审定整改方案", "记录活动总结", "总结深化与巩固提高阶段结束");

    JsonNode log = rest.get("auditor", "/campaign/api/review/campaigns/" + code + "/operation-log").json();
    assertThat(log)
        .extracting(
            e -> e.path("userId").asText() + " " + e.path("operation").asText() + " " + e.path("department").asText())
        .contains("finance-liaison 认领 dept-finance", "finance-liaison 办结 dept-finance", "market-liaison 办结 dept-market",
            "office 办结 dept-finance");

    // the office reads the same; a department does not use the workspace
    assertThat(rest.get("office", "/campaign/api/review/campaigns/" + code).status()).isEqualTo(200);
    CampaignRest.Reply department = rest.get("finance-liaison", "/campaign/api/review/campaigns/" + code);
    assertThat(department.status()).isEqualTo(403);
    assertThat(department.body()).contains("审查工作台仅供活动办公室和审查、监督部门使用");
    assertThat(rest.get("auditor", "/campaign/api/review/campaigns/ZG-NONE").status()).isEqualTo(404);

    // the export: every file listed in the manifest with its SHA-256, and nothing else
    Map<String, byte[]> files = unzip(download("auditor", "/campaign/api/review/campaigns/" + code + "/export"));
    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest.path("campaignCode").asText()).isEqualTo(code);
    assertThat(manifest.path("exportedBy").asText()).isEqualTo("auditor");
    Map<String, String> listed = new LinkedHashMap<>();
    manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f.path("sha256").asText()));
    assertThat(listed.keySet()).contains("活动台账.xlsx", "审计链核验报告.txt");
    assertThat(new String(files.get("审计链核验报告.txt"), StandardCharsets.UTF_8))
        .contains("审计链核验报告：活动 " + code).contains("结论：未发现历史记录被删除或改动，审计链完整。");
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(
        concat(listed.keySet(), List.of("manifest.json", "SHA256SUMS")));
    listed.forEach((path, hash) -> assertThat(sha256(files.get(path))).as(path).isEqualTo(hash));
    assertThat(new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8))
        .contains(listed.get("活动台账.xlsx") + "  活动台账.xlsx");
    // every instance's diagram for reading offline: the model, the path it took, and a page that
    // draws both with the bpmn-js viewer copied into the archive (listed and hashed like every file)
    assertThat(listed.keySet()).contains("流程图/查看器/bpmn-navigated-viewer.production.min.js",
        "流程图/查看器/diagram-js.css", "流程图/查看器/bpmn-js.css", "流程图/查看器/process-diagram.js",
        "流程图/查看器/bpmn-js-LICENSE");
    assertThat(new String(files.get("流程图/查看器/bpmn-js-LICENSE"), StandardCharsets.UTF_8))
        .contains("watermark must stay fully visible");
    String selfInspection = listed.keySet().stream()
        .filter(p -> p.startsWith("流程图/县财政局/部门自查自纠") && p.endsWith(".html")).findFirst().orElseThrow();
    String base = selfInspection.substring(0, selfInspection.length() - ".html".length());
    assertThat(listed.keySet()).contains(base + ".bpmn", base + ".path.json");
    assertThat(new String(files.get(base + ".bpmn"), StandardCharsets.UTF_8))
        .contains("id=\"" + CampaignModel.SELF_INSPECTION_PROCESS + "\"");
    JsonNode path = JSON.readTree(files.get(base + ".path.json"));
    assertThat(path.path("marks").path(CampaignModel.SelfInspection.DRAFT_WORK_PLAN).path("state").asText())
        .isEqualTo("completed");
    assertThat(path.path("marks").path("SequenceFlow_ReportAcceptedNo").path("state").asText()).isEqualTo("not-taken");
    String page = new String(files.get(selfInspection), StandardCharsets.UTF_8);
    assertThat(ProcessDiagramPathTest.scripts(page)).contains(
        "<script src=\"../查看器/bpmn-navigated-viewer.production.min.js\">",
        "<script src=\"../查看器/process-diagram.js\">");
    assertThat(page).contains("<link rel=\"stylesheet\" href=\"../查看器/diagram-js.css\">",
        "<link rel=\"stylesheet\" href=\"../查看器/bpmn-js.css\">");
    assertThat(ProcessDiagramPathTest.data(page).path("marks")).isEqualTo(path.path("marks"));
    assertThat(listed.keySet()).anyMatch(p -> p.startsWith("流程图/全活动/") && p.endsWith(".html"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get("活动台账.xlsx")))) {
      Sheet ledger = book.getSheet("督查台账");
      assertThat(ledger.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
      assertThat(ledger.getRow(1).getCell(0).getStringCellValue()).isEqualTo("县财政局");
      assertThat(cells(book.getSheet("操作日志"))).anyMatch(row -> row.contains("finance-liaison") && row.contains("认领"));
      assertThat(cells(book.getSheet("时间线"))).anyMatch(row -> row.contains("记录活动总结"));
      // people by name, decisions by their Chinese label only, each log row in plain words
      String liaison = CampaignDriver.liaisonNameOf("dept-finance");
      assertThat(cells(book.getSheet("任务办理"))).anyMatch(row -> row.startsWith("|县财政局|制定工作方案|")
          && row.contains("|" + liaison + "|"));
      assertThat(cells(book.getSheet("提交内容"))).anyMatch(row -> row.startsWith("|县财政局|制定工作方案|" + liaison + "|")
          && row.contains("成立工作专班，分三个步骤开展自查自纠和整改。"));
      // a submitted list as numbered lines under the form's column labels, not raw JSON
      assertThat(cells(book.getSheet("提交内容"))).anyMatch(row -> row.contains("|录入干部职工承诺|")
          && row.contains("1. 姓名：王敏；职务（岗位）：科员；承诺内容：热情服务，限时办结。"));
      assertThat(cells(book.getSheet("提交内容"))).anyMatch(row -> row.contains("|通过|"))
          .noneMatch(row -> row.contains("accepted") || row.contains("approved"));
      assertThat(cells(book.getSheet("操作日志"))).anyMatch(row -> row.contains("|" + liaison + "|" + liaison
          + "办结任务「制定工作方案」|县财政局|"));
      assertThat(cells(book.getSheet("操作日志")))
          .filteredOn(row -> row.contains("|" + CampaignModel.CAMPAIGN_PROCESS + "|"))
          .isNotEmpty().allMatch(row -> !row.contains("|县财政局|") && !row.contains("|县市场监督管理局|"));
      assertThat(ledger.getRow(0).getCell(6).getStringCellValue()).isEqualTo("待办理人");
    }
  }

  @Test
  void theLedgerLightTurnsYellowInTheWarningWindowAndRedWhenATaskIsOverdue() {
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, AugustCampaign.ALL);
    // the work plans are due Thursday 08-20; the warning window opens on Tuesday 08-18
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 14), 10, 0));
    assertThat(light(code, "dept-market")).isEqualTo("green 正常 待办事项均在期限内");
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 19), 10, 0));
    assertThat(light(code, "dept-market")).startsWith("yellow 临近期限 「");
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 25), 10, 0));
    assertThat(light(code, "dept-market")).startsWith("red 已逾期 「");
    driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-market"), "market-liaison",
        Map.of("workPlan", "成立工作专班。", "workPlanLeader", "分管副局长"));
    JsonNode market = row(code, "dept-market");
    assertThat(market.path("phases").get(0).path("status").asText()).isEqualTo("进行中，已逾期3个工作日");
  }

  @Test
  void theAuditorCanChangeNothing_throughTheWorkspaceOrTheEngineRestApi() {
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    Task task = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    String instance = task.getProcessInstanceId();

    CampaignRest.Reply post = rest.post("auditor", "/campaign/api/review/campaigns/" + code + "/export", "{}");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.body()).contains("审查工作台只供查阅，不能修改任何数据");
    assertThat(rest.delete("auditor", "/campaign/api/review/campaigns/" + code).status()).isEqualTo(405);

    assertThat(
        rest.post("auditor", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"auditor\"}").status())
        .isEqualTo(403);
    assertThat(rest.post("auditor", "/engine-rest/task/" + task.getId() + "/complete", "{}").status()).isEqualTo(403);
    assertThat(rest.put("auditor", "/engine-rest/process-instance/" + instance + "/variables/workPlan",
        "{\"value\":\"改写\",\"type\":\"String\"}").status()).isEqualTo(403);
    assertThat(rest.put("auditor", "/engine-rest/process-instance/" + instance + "/suspended", "{\"suspended\":true}")
        .status())
        .isEqualTo(403);
    assertThat(rest.delete("auditor", "/engine-rest/process-instance/" + instance).status()).isEqualTo(403);
    assertThat(rest.delete("auditor", "/engine-rest/history/process-instance/" + instance).status()).isEqualTo(403);
    assertThat(
        rest.post("auditor", "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/start", "{}")
            .status())
        .isEqualTo(403);
    // and nothing changed
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).active().count())
        .isOne();
  }

  private String light(String code, String department) {
    JsonNode row = row(code, department);
    return row.path("light").asText() + " " + row.path("lightLabel").asText() + " " + row.path("lightReason").asText();
  }

  private JsonNode row(String code, String department) {
    CampaignRest.Reply reply = rest.get("office", "/campaign/api/review/campaigns/" + code);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode row : reply.json().path("ledger")) {
      if (row.path("department").asText().equals(department)) {
        return row;
      }
    }
    throw new AssertionError(department + " not in the ledger of " + code);
  }

  private byte[] download(String user, String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    return response.body();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> cells(Sheet sheet) {
    return java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
        .map((Row row) -> java.util.stream.StreamSupport.stream(row.spliterator(), false).map(Object::toString)
            .reduce("", (a, b) -> a + "|" + b))
        .toList();
  }

  private static List<String> concat(java.util.Collection<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
