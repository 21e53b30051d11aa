package cn.gov.county.campaign.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.CampaignModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Complaints (投诉举报) through the real HTTP API as the demo users: the office registers with the
 * start form, discipline inspection verifies, the department rectifies a substantiated complaint
 * like any problem, and the record and the ranking are read from /campaign/api.
 */
@CampaignIntegrationTest
class ComplaintRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private static final List<String> ALL = List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-finance",
      "dept-market", "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng");
  private static final String START = "/engine-rest/process-definition/key/" + ComplaintModel.PROCESS + "/submit-form";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  private CampaignRest rest;
  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    driver = new CampaignDriver(engine);
  }

  // ---- given ---------------------------------------------------------------------------------

  /** A running campaign in which only these departments take part. */
  private String campaign(String name, String... participants) {
    return driver.launch(name, ALL.stream().filter(d -> !List.of(participants).contains(d)).toList());
  }

  /** As the existing campaign tests do: the special meeting has approved the departments' plans. */
  private void plansApproved(String code) {
    driver.runtime.setVariable(driver.runtime.createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).processInstanceBusinessKey(code).singleResult().getId(),
        CampaignModel.PLANS_APPROVED, true);
  }

  private static Map<String, Object> complaint(String code, String department) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("department", department);
    form.put("complaintSource", "hotline");
    form.put("receivedOn", TODAY.minusDays(2).toString());
    form.put("complaintContent", "群众反映窗口工作人员办理业务推诿扯皮，要求多次往返提交材料。");
    return form;
  }

  // ---- the users' steps ------------------------------------------------------------------------

  /** Form values in the REST API's typed format; lists become Json variables as Tasklist sends them. */
  private static String form(Map<String, Object> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode dto = variables.putObject(name);
      if (value instanceof List<?> || value instanceof Map<?, ?>) {
        dto.put("type", "Json").put("value", JSON.valueToTree(value).toString());
      } else if (value == null) {
        dto.put("type", "Null");
      } else {
        dto.put("type", "String").put("value", (String) value);
      }
    });
    return root.toString();
  }

  /** The office registers a complaint with the start form; returns the complaint's process instance id. */
  private String register(Map<String, Object> complaint) {
    var reply = rest.post("office", START, form(complaint));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    driver.runJobs();
    return reply.json().path("id").asText();
  }

  private String openTask(String user, String query) {
    JsonNode tasks = rest.get(user, "/engine-rest/task?" + query).json();
    assertThat(tasks).as(user + " sees one task for " + query).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private CampaignRest.Reply submit(String user, String taskId, Map<String, Object> values) {
    if (rest.get(user, "/engine-rest/task/" + taskId).json().path("assignee").isNull()) {
      rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    }
    var reply = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
    driver.runJobs();
    return reply;
  }

  private String verificationTask(String complaintId) {
    return openTask("inspector",
        "processInstanceId=" + complaintId + "&taskDefinitionKey=" + ComplaintModel.VERIFY_TASK);
  }

  /** Discipline inspection verifies: "yes" 属实, "no" 不属实. */
  private void verify(String complaintId, String substantiated, String reason) {
    var reply = submit("inspector", verificationTask(complaintId),
        Map.of("substantiated", substantiated, "verificationReason", reason));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private String variable(String user, String processInstanceId, String name) {
    return rest.get(user, "/engine-rest/process-instance/" + processInstanceId + "/variables/" + name).json()
        .path("value").asText();
  }

  private JsonNode complaints(String user, String code) {
    var reply = rest.get(user, "/campaign/api/campaigns/" + code + "/complaints");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private long complaintInstances(String code) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintModel.PROCESS)
        .processInstanceBusinessKey(code).count();
  }

  // ---- tests ---------------------------------------------------------------------------------

  @Test
  void aSubstantiatedComplaintEndsUpRectified() {
    // given
    String code = campaign("投诉举报整改测试", "dept-finance", "dept-market");
    plansApproved(code);
    // when: the office registers, discipline inspection finds it substantiated
    String complaintId = register(complaint(code, "dept-finance"));
    assertThat(variable("office", complaintId, ComplaintModel.NUMBER)).isEqualTo(code + "-TS-01");
    JsonNode task = rest.get("inspector", "/engine-rest/task/" + verificationTask(complaintId)).json();
    assertThat(task.path("name").asText()).isEqualTo("核实投诉举报");
    assertThat(task.path("description").asText())
        .isEqualTo(code + "-TS-01：县财政局（12345热线，" + TODAY.minusDays(2) + " 受理）");
    assertThat(task.path("due").isNull()).isFalse();
    verify(complaintId, "yes", "调阅窗口办件记录并约谈当事人，反映情况属实。");
    // then: a problem of the finance department from the complaint
    String measure = openTask("finance-liaison",
        "processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + CampaignModel.RectificationItem.DEFINE_MEASURE);
    JsonNode problem = rest.get("finance-liaison", "/engine-rest/task/" + measure + "/variables").json();
    assertThat(problem.path("sourceLabel").path("value").asText()).isEqualTo("群众投诉");
    assertThat(problem.path("description").path("value").asText())
        .contains(code + "-TS-01", "推诿扯皮", "核实情况：调阅窗口办件记录");
    String problemCode = problem.path("problemCode").path("value").asText();
    assertThat(rest.get("market-liaison", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.RectificationItem.DEFINE_MEASURE).json()).isEmpty();
    JsonNode pending = complaints("office", code).get(0);
    assertThat(pending.path("problemCode").asText()).isEqualTo(problemCode);
    assertThat(pending.path("rectified").asBoolean()).isFalse();
    assertThat(pending.path("status").asText()).isEqualTo("属实，整改中");

    // when: the liaison rectifies and the office verifies and closes the problem
    assertThat(submit("finance-liaison", measure,
        Map.of("measure", "推行一次性告知和首问负责制", "target", "群众反映的问题全部解决，建立长效机制", "responsible", "王敏",
            "rectificationDeadline", TODAY.plusDays(20).toString()))
        .status()).isEqualTo(204);
    assertThat(submit("finance-liaison", openTask("finance-liaison", "processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.RectificationItem.REPORT_PROGRESS),
        Map.of("progressReport", "已完成窗口人员培训。", "progressStatus", "done"))
        .status()).isEqualTo(204);
    assertThat(submit("finance-liaison", openTask("finance-liaison", "processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.RectificationItem.SUBMIT_COMPLETION_REPORT),
        Map.of("completionReport", "一次性告知和首问负责制已落实，回访投诉人表示满意。",
            "completedOn", TODAY.toString(), "evidence",
            List.of(Map.of("evidenceTitle", "回访记录", "evidenceReference", "附件1"))))
        .status()).isEqualTo(204);
    assertThat(submit("finance-head", openTask("finance-head", "processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.RectificationItem.HEAD_APPROVES_COMPLETION_REPORT),
        Map.of("headDecision", "approved")).status())
        .isEqualTo(204);
    Map<String, Object> verified = new LinkedHashMap<>();
    verified.put("verificationDecision", "verified");
    assertThat(submit("office", openTask("office", "processInstanceBusinessKey=" + code
        + "&taskDefinitionKey=" + CampaignModel.RectificationItem.VERIFY), verified).status()).isEqualTo(204);

    // then: the complaint's record shows it rectified, for the office and for the department
    JsonNode record = complaints("office", code).get(0);
    assertThat(record.path("number").asText()).isEqualTo(code + "-TS-01");
    assertThat(record.path("department").asText()).isEqualTo("dept-finance");
    assertThat(record.path("departmentName").asText()).isEqualTo("县财政局");
    assertThat(record.path("sourceLabel").asText()).isEqualTo("12345热线");
    assertThat(record.path("receivedOn").asText()).isEqualTo(TODAY.minusDays(2).toString());
    assertThat(record.path("registeredBy").asText()).isEqualTo("office");
    assertThat(record.path("registeredAt").isNull()).isFalse();
    assertThat(record.path("verifiedBy").asText()).isEqualTo("inspector");
    assertThat(record.path("substantiated").asBoolean()).isTrue();
    assertThat(record.path("verificationReason").asText()).isEqualTo("调阅窗口办件记录并约谈当事人，反映情况属实。");
    assertThat(record.path("problemCode").asText()).isEqualTo(problemCode);
    assertThat(record.path("rectified").asBoolean()).isTrue();
    assertThat(record.path("status").asText()).isEqualTo("属实，已整改销号");
    assertThat(complaints("finance-liaison", code)).hasSize(1);
  }

  @Test
  void anUnsubstantiatedComplaintRegistersNoProblem() {
    // given
    String code = campaign("不属实测试", "dept-market");
    plansApproved(code);
    String complaintId = register(complaint(code, "dept-market"));
    // when
    verify(complaintId, "no", "经调取监控和办件记录，该窗口当日按规定一次性告知，反映情况不属实。");
    // then
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(complaintId).singleResult()
        .getEndActivityId()).isEqualTo(ComplaintModel.UNSUBSTANTIATED_END);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(code).count()).isZero();
    JsonNode record = complaints("office", code).get(0);
    assertThat(record.path("substantiated").asBoolean(true)).isFalse();
    assertThat(record.path("problemCode").isNull()).isTrue();
    assertThat(record.path("status").asText()).isEqualTo("不属实，已了结");
    assertThat(rest.get("office", "/campaign/api/campaigns/" + code + "/complaints/ranking").json()).isEmpty();
  }

  @Test
  void badRegistrationsAreRefusedNamingTheFieldAndNothingIsSaved() {
    // given
    String code = campaign("登记校验测试", "dept-finance");
    Map<String, Object> unknownDepartment = complaint(code, "dept-nowhere");
    Map<String, Object> notTakingPart = complaint(code, "dept-market");
    Map<String, Object> notRunning = complaint("ZG-0000-NONE", "dept-finance");
    Map<String, Object> future = complaint(code, "dept-finance");
    future.put("receivedOn", TODAY.plusDays(1).toString());
    Map<String, Object> empty = complaint(code, "dept-finance");
    empty.put("complaintContent", "");
    // when
    var unknown = rest.post("office", START, form(unknownDepartment));
    var outsider = rest.post("office", START, form(notTakingPart));
    var stopped = rest.post("office", START, form(notRunning));
    var tomorrow = rest.post("office", START, form(future));
    var blank = rest.post("office", START, form(empty));
    // then
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("「被投诉单位」");
    assertThat(outsider.status()).isEqualTo(400);
    assertThat(outsider.body()).contains("「被投诉单位」未参加活动 " + code);
    assertThat(stopped.status()).isEqualTo(400);
    assertThat(stopped.body()).contains("「活动编号」ZG-0000-NONE 不是正在进行的整改活动");
    assertThat(tomorrow.status()).isEqualTo(400);
    assertThat(tomorrow.body()).contains("「受理日期」不能晚于今天");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("「投诉举报内容」为必填项");
    assertThat(complaintInstances(code)).isZero();
    assertThat(complaintInstances("ZG-0000-NONE")).isZero();
    // and the numbers were not used up
    String complaintId = register(complaint(code, "dept-finance"));
    assertThat(variable("office", complaintId, ComplaintModel.NUMBER)).isEqualTo(code + "-TS-01");
  }

  @Test
  void aVerificationWithoutReasonIsRefusedAndTheTaskStaysOpen() {
    // given
    String code = campaign("核实校验测试", "dept-finance");
    String complaintId = register(complaint(code, "dept-finance"));
    String taskId = verificationTask(complaintId);
    // when
    Map<String, Object> noReason = new LinkedHashMap<>();
    noReason.put("substantiated", "yes");
    noReason.put("verificationReason", "");
    var refused = submit("inspector", taskId, noReason);
    var noAnswer = submit("inspector", taskId, Map.of("verificationReason", "已核实。经查属实。"));
    // then
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「核实情况和理由」为必填项");
    assertThat(noAnswer.status()).isEqualTo(400);
    assertThat(noAnswer.body()).contains("「核实结论」为必填项");
    assertThat(verificationTask(complaintId)).isEqualTo(taskId);
    assertThat(rest.get("office", "/engine-rest/process-instance/" + complaintId + "/variables/substantiated").status())
        .isEqualTo(404);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(code).count()).isZero();
    assertThat(complaints("office", code).get(0).path("status").asText()).isEqualTo("待核实");
  }

  @Test
  void theRankingPutsTheMostSubstantiatedFirst_andTiesShareTheirPlaceInTheOrderOfTheOrganization() {
    // given: market and finance two substantiated each, education one, the township one unsubstantiated
    String code = campaign("排名测试", "dept-finance", "dept-market", "dept-education", "dept-chengguan");
    plansApproved(code);
    for (String department : List.of("dept-market", "dept-market", "dept-finance", "dept-education", "dept-finance")) {
      verify(register(complaint(code, department)), "yes", "经核实，反映情况属实。");
    }
    verify(register(complaint(code, "dept-chengguan")), "no", "经核实，反映情况不属实。");
    register(complaint(code, "dept-education")); // still being verified
    // when
    var reply = rest.get("office", "/campaign/api/campaigns/" + code + "/complaints/ranking");
    // then
    assertThat(reply.status()).isEqualTo(200);
    JsonNode ranking = reply.json();
    assertThat(ranking).hasSize(3);
    assertThat(ranking.findValuesAsText("department")).containsExactly("dept-finance", "dept-market", "dept-education");
    assertThat(ranking.findValuesAsText("place")).containsExactly("1", "1", "3");
    assertThat(ranking.findValuesAsText("substantiated")).containsExactly("2", "2", "1");
    assertThat(ranking.get(2).path("complaints").asInt()).isEqualTo(2);
    assertThat(ranking.get(0).path("unitCategory").asText()).isEqualTo("政府职能部门");
    assertThat(complaints("office", code).findValuesAsText("number"))
        .containsExactly(code + "-TS-01", code + "-TS-02", code + "-TS-03", code + "-TS-04", code + "-TS-05",
            code + "-TS-06", code + "-TS-07");
    assertThat(rest.get("inspector", "/campaign/api/campaigns/" + code + "/complaints/ranking").status())
        .isEqualTo(200);
    assertThat(rest.get("auditor", "/campaign/api/campaigns/" + code + "/complaints/ranking").status()).isEqualTo(200);
  }

  @Test
  void aDepartmentReadsOnlyItsOwnComplaints_andTheAuditorReadsAllButActsOnNothing() {
    // given
    String code = campaign("权限测试", "dept-finance", "dept-market");
    String againstFinance = register(complaint(code, "dept-finance"));
    register(complaint(code, "dept-market"));
    // then: departments
    assertThat(complaints("finance-liaison", code).findValuesAsText("department")).containsExactly("dept-finance");
    assertThat(complaints("market-head", code).findValuesAsText("department")).containsExactly("dept-market");
    var other = rest.get("finance-liaison", "/campaign/api/campaigns/" + code + "/complaints?department=dept-market");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body()).isEqualTo("无权查看该单位的投诉举报记录。");
    var ranking = rest.get("finance-liaison", "/campaign/api/campaigns/" + code + "/complaints/ranking");
    assertThat(ranking.status()).isEqualTo(403);
    assertThat(ranking.body()).contains("无权查看");
    assertThat(rest.get("finance-liaison", "/engine-rest/task?processInstanceId=" + againstFinance).json()).isEmpty();
    assertThat(rest.get(null, "/campaign/api/campaigns/" + code + "/complaints").status()).isEqualTo(401);
    // then: the working bodies read all
    assertThat(complaints("office", code)).hasSize(2);
    assertThat(complaints("inspector", code)).hasSize(2);
    assertThat(complaints("auditor", code)).hasSize(2);
    assertThat(rest.get("office", "/campaign/api/campaigns/ZG-0000-NONE/complaints").status()).isEqualTo(404);
    // when: the auditor tries to register and to verify, and a department to register
    var auditorStart = rest.post("auditor", START, form(complaint(code, "dept-finance")));
    var liaisonStart = rest.post("finance-liaison", START, form(complaint(code, "dept-market")));
    String taskId = verificationTask(againstFinance);
    var auditorVerifies = rest.post("auditor", "/engine-rest/task/" + taskId + "/submit-form",
        form(Map.of("substantiated", "no", "verificationReason", "审计人员试图办理。")));
    // then
    assertThat(auditorStart.status()).isEqualTo(403);
    assertThat(liaisonStart.status()).isEqualTo(403);
    assertThat(auditorVerifies.status()).isEqualTo(403);
    assertThat(complaintInstances(code)).isEqualTo(2);
    assertThat(verificationTask(againstFinance)).isEqualTo(taskId);
  }

  @Test
  void theOfficeSeesTheDepartmentsWithTheMostSubstantiatedComplaintsWhenClosingTheCampaign() {
    // given: two substantiated complaints against finance, one against market
    String code = campaign("活动总结测试", "dept-finance", "dept-market");
    plansApproved(code);
    for (String department : List.of("dept-finance", "dept-market", "dept-finance")) {
      verify(register(complaint(code, department)), "yes", "经核实，反映情况属实。");
    }
    verify(register(complaint(code, "dept-market")), "no", "经核实，反映情况不属实。");
    // when: the campaign reaches its closing task, its departments' work done
    String campaignId = driver.runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).singleResult().getId();
    driver.runtime.createProcessInstanceModification(campaignId)
        .cancelAllForActivity(CampaignModel.Campaign.MOBILIZATION_PHASE)
        .cancelAllForActivity(CampaignModel.Campaign.DEPARTMENTS_FINISHED)
        .startBeforeActivity(CampaignModel.Campaign.RECORD_CAMPAIGN_CLOSING)
        .startBeforeActivity(CampaignModel.Campaign.PHASES_JOIN)
        .execute();
    String closing = openTask("office",
        "processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + CampaignModel.Campaign.RECORD_CAMPAIGN_CLOSING);
    // then: the closing form shows the summary and the table
    JsonNode form = rest.get("office", "/engine-rest/task/" + closing + "/deployed-form").json();
    assertThat(form.findValuesAsText("id")).contains("Text_ComplaintRanking", "Table_ComplaintRanking");
    JsonNode variables = rest.get("office", "/engine-rest/task/" + closing + "/variables?deserializeValues=false")
        .json();
    assertThat(variables.path("complaintRankingSummary").path("value").asText()).isEqualTo(
        "本次活动共登记投诉举报 4 件：查实 3 件，不属实 1 件。被查实投诉举报最多的单位：县财政局（主要领导：郑国平），2 件。"
            + "按照“对被举报和查实最多的单位主要领导进行问责”的要求，请研究提出问责意见。");
    JsonNode table = readJson(variables.path("complaintRanking").path("value").asText());
    assertThat(table.findValuesAsText("departmentName")).containsExactly("县财政局", "县市场监督管理局");
    assertThat(table.findValuesAsText("place")).containsExactly("1", "2");
    assertThat(table.get(0).path("substantiated").asInt()).isEqualTo(2);
    // and the office closes the campaign with the form as before
    var closed = submit("office", closing, Map.of("closedOn", TODAY.toString(), "closingSummary", "活动圆满结束。",
        "closingDocumentNumber", "示委办〔2026〕31号"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(204);
    assertThat(
        historyService.createHistoricProcessInstanceQuery().processInstanceId(campaignId).singleResult().getEndTime())
        .isNotNull();
    assertThat(rest.get("auditor", "/campaign/api/campaigns/" + code + "/complaints/ranking").json()
        .findValuesAsText("department")).containsExactly("dept-finance", "dept-market");
  }

  @Test
  void aSubstantiatedComplaintBecomesNoProblem_whenTheCampaignEndedWhileItWasVerified() {
    // given
    String code = campaign("活动撤销测试", "dept-finance");
    String complaintId = register(complaint(code, "dept-finance"));
    String campaignId = driver.runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(code).singleResult().getId();
    driver.runtime.deleteProcessInstance(campaignId, "活动撤销");
    // when
    verify(complaintId, "yes", "经核实，反映情况属实。");
    // then
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(complaintId).singleResult()
        .getEndActivityId()).isEqualTo(ComplaintModel.CAMPAIGN_NOT_RUNNING_END);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(code).count()).isZero();
    JsonNode record = complaints("office", code).get(0);
    assertThat(record.path("substantiated").asBoolean()).isTrue();
    assertThat(record.path("status").asText()).isEqualTo("属实，活动已结束，未转为整改问题");
    assertThat(rest.get("office", "/campaign/api/campaigns/" + code + "/complaints/ranking").json()
        .findValuesAsText("department")).containsExactly("dept-finance");
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
