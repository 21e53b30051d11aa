package cn.gov.county.campaign.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.EscalationModel;
import cn.gov.county.campaign.evaluation.EvaluationModel;
import cn.gov.county.campaign.survey.SurveyModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.escalation.DeadlineWatch;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The finance bureau's dossier as the auditor reads it: in a finished campaign driven through
 * /engine-rest (tasks claimed and completed by its liaison and unit head, the forms as submitted
 * with their labels, the self-inspection's diagram with the path taken), and in a running August
 * campaign where an overdue work plan draws a reminder notice and the administrator later
 * corrects a submitted value. Who may read which dossier and diagram.
 */
@CampaignIntegrationTest
class DepartmentDossierTest {

  /** The finished campaign the tests read, run once for the class (it takes a while). */
  private static String finished;

  @Autowired
  ProcessEngine engine;

  @Autowired
  DeadlineWatch watch;

  @LocalServerPort
  int port;

  @BeforeAll
  static void finishACampaign(@Autowired ProcessEngine engine, @LocalServerPort int port) {
    finished = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("卷宗测试活动");
  }

  private String finishedCampaign() {
    return finished;
  }

  private static String dossierPath(String code, String department) {
    return "/campaign/api/review/campaigns/" + code + "/departments/" + department + "/dossier";
  }

  @Test
  void theAuditorReadsWhoClaimedAndCompletedEachTaskAndWhatWasSubmitted() throws IOException {
    String code = finishedCampaign();
    CampaignRest.Reply reply = new CampaignRest(port).get("auditor", dossierPath(code, "dept-finance"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode dossier = reply.json();
    Files.createDirectories(Path.of("target/screenshots"));
    Files.writeString(Path.of("target/screenshots/dossier-sample.json"), dossier.toPrettyString());

    assertThat(dossier.path("departmentName").asText()).isEqualTo("县财政局");
    assertThat(dossier.path("campaignName").asText()).isEqualTo("卷宗测试活动");
    assertThat(dossier.path("campaignState").asText()).isEqualTo("已结束");
    // the department's own instances, all finished; not the campaign's, not the market bureau's
    assertThat(dossier.path("processInstances")).extracting(i -> i.path("processName").asText() + " "
        + i.path("relation").asText() + " " + i.path("stateLabel").asText())
        .containsExactlyInAnyOrder("部门整改活动 DEPARTMENT 已完成", "部门自查自纠 DEPARTMENT 已完成", "部门整改方案 DEPARTMENT 已完成",
            "问题整改 DEPARTMENT 已完成", "部门总结巩固 DEPARTMENT 已完成");
    assertThat(dossier.path("tasks"))
        .allSatisfy(t -> assertThat(t.path("candidateGroups").asText()).doesNotContain("dept-market"));

    // who claimed and completed, and when
    JsonNode workPlan = only(dossier.path("tasks"), t -> t.path("name").asText().equals("制定工作方案"));
    assertThat(workPlan.path("claimedBy").asText()).isEqualTo("finance-liaison");
    assertThat(workPlan.path("completedBy").asText()).isEqualTo("finance-liaison");
    assertThat(workPlan.path("candidateGroups").asText()).isEqualTo("dept-finance");
    assertThat(workPlan.path("statusLabel").asText()).isEqualTo("已办结");
    Instant claimed = Instant.parse(workPlan.path("claimedAt").asText());
    Instant completed = Instant.parse(workPlan.path("completedAt").asText());
    assertThat(claimed).isAfterOrEqualTo(Instant.parse(workPlan.path("createdAt").asText()))
        .isBeforeOrEqualTo(completed);
    assertThat(workPlan.path("assigneeHistory")).extracting(c -> c.path("operationLabel").asText() + " "
        + c.path("userId").asText() + " → " + c.path("toAssignee").asText())
        .containsExactly("认领 finance-liaison → finance-liaison", "办结 finance-liaison → finance-liaison");
    // the unit head's commitment is the model's assignment, not a claim
    JsonNode commitment = only(dossier.path("tasks"), t -> t.path("name").asText().equals("签订单位承诺书"));
    assertThat(commitment.path("claimedBy").isNull()).isTrue();
    assertThat(commitment.path("completedBy").asText()).isEqualTo("finance-head");
    assertThat(commitment.path("assigneeHistory").get(0).path("operation").asText()).isEqualTo("AssignedByProcess");
    // the office's review of the department's report is part of its dossier
    assertThat(only(dossier.path("tasks"), t -> t.path("name").asText().equals("审核自查报告")).path("completedBy").asText())
        .isEqualTo("office");

    // what was submitted, as submitted, under the form's labels
    JsonNode plan = only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("制定工作方案"));
    assertThat(plan.path("submittedBy").asText()).isEqualTo("finance-liaison");
    assertThat(plan.path("submittedAt").asText()).isEqualTo(workPlan.path("completedAt").asText());
    assertThat(plan.path("fields")).extracting(f -> f.path("label").asText() + "：" + f.path("value").asText())
        .containsExactly("工作方案：成立工作专班，分三个步骤开展自查自纠和整改。", "方案负责人：分管副局长");
    JsonNode selfInspection = only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("对照清单自查"));
    JsonNode rows = only(selfInspection.path("fields"), f -> f.path("variable").asText().equals("selfInspection"));
    assertThat(rows.path("label").asText()).isEqualTo("对照检查清单");
    assertThat(rows.path("type").asText()).isEqualTo("json");
    assertThat(rows.path("value").asText()).startsWith("[{").contains("窗口服务态度生硬");
    JsonNode review = only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("审核自查报告"));
    assertThat(review.path("fields")).extracting(f -> f.path("label").asText() + "：" + f.path("valueLabel").asText())
        .contains("审核结论：通过");

    // the checklist template the department filled in: a change of the variable by its submission
    JsonNode filled = only(dossier.path("variableChanges"), c -> c.path("variable").asText().equals("selfInspection"));
    assertThat(filled.path("via").asText()).isEqualTo("SUBMISSION");
    assertThat(filled.path("taskName").asText()).isEqualTo("对照清单自查");
    assertThat(filled.path("changedBy").asText()).isEqualTo("finance-liaison");
    assertThat(filled.path("oldValue").asText()).doesNotContain("窗口服务态度生硬");
    assertThat(filled.path("newValue").asText()).contains("窗口服务态度生硬");

    // told of every new task; no notice in a campaign it kept up with
    assertThat(dossier.path("notifications")).isNotEmpty()
        .anySatisfy(n -> assertThat(n.path("recipientId").asText()).isEqualTo("finance-liaison"))
        .allSatisfy(n -> assertThat(n.path("statusLabel").asText()).isNotBlank());
    assertThat(dossier.path("notices")).isEmpty();
  }

  @Test
  void theFinishedSelfInspectionsDiagramShowsThePathItTook() throws Exception {
    String code = finishedCampaign();
    CampaignRest rest = new CampaignRest(port);
    JsonNode dossier = rest.get("auditor", dossierPath(code, "dept-finance")).json();
    String url = only(dossier.path("processInstances"),
        i -> i.path("processDefinitionKey").asText().equals(CampaignModel.SELF_INSPECTION_PROCESS)).path("diagramUrl")
        .asText();

    HttpResponse<String> response = get("auditor", url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualToIgnoringCase("text/html;charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "frame-ancestors 'self'").doesNotContain("unsafe-eval");
    // the page loads bpmn-js from this server and holds the deployed XML and the marks of the path
    assertThat(ProcessDiagramPathTest.scripts(response.body())).contains(
        "<script src=\"/campaign-assets/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js\">");
    // (the build put the version of pom.xml there: a different version in ProcessDiagramPage fails here)
    assertThat(get("auditor", "/campaign-assets/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js").statusCode())
        .isEqualTo(200);
    assertThat(get("auditor", "/campaign-assets/bpmn-js/18.31.1/diagram-js.css").statusCode()).isEqualTo(200);
    assertThat(get("auditor", "/campaign-assets/bpmn-js/18.31.1/bpmn-js.css").statusCode()).isEqualTo(200);
    // bpmn-js's license beside it, with its condition that the bpmn.io watermark stays visible
    assertThat(get("auditor", "/campaign-assets/bpmn-js/18.31.1/LICENSE").body()).contains("Camunda Services GmbH",
        "watermark must stay fully visible");
    assertThat(get("auditor", "/campaign-assets/process-diagram.js").statusCode()).isEqualTo(200);
    JsonNode drawn = ProcessDiagramPathTest.data(response.body());
    Files.createDirectories(Path.of("target/screenshots"));
    Files.writeString(Path.of("target/screenshots/diagram-sample.html"), response.body());
    assertThat(drawn.path("bpmnXml").asText()).contains("id=\"" + CampaignModel.SelfInspection.DRAFT_WORK_PLAN + "\"",
        "bpmndi:BPMNShape");

    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.DRAFT_WORK_PLAN))
        .isEqualTo("completed");
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.COMPLETED)).isEqualTo("completed");
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.MARK_DISCUSSION_MISSING))
        .isEqualTo("not-executed");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ReportAcceptedYes")).isEqualTo("taken");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ToMarkDiscussionRecorded")).isEqualTo("taken");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ReportAcceptedNo")).isEqualTo("not-taken");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ToMarkDiscussionMissing")).isEqualTo("not-taken");
    assertThat(drawn.path("marks").path(CampaignModel.SelfInspection.DRAFT_WORK_PLAN).path("details").asText())
        .startsWith("制定工作方案（UserTask_DraftWorkPlan）").contains("结束 ");
    assertThat(response.body()).contains("已完成", "进行中", "经过的路径", "部门自查自纠", "县财政局");

    // the department reads its own instance's diagram, no other department does; the campaign's
    // own instance (all departments) is for those who read all
    assertThat(get("finance-liaison", url).statusCode()).isEqualTo(200);
    assertThat(get("market-liaison", url).statusCode()).isEqualTo(403);
    String campaign = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).singleResult().getId();
    String campaignUrl = "/campaign/api/review/process-instances/" + campaign + "/diagram";
    assertThat(get("finance-liaison", campaignUrl).statusCode()).isEqualTo(403);
    HttpResponse<String> whole = get("auditor", campaignUrl);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(ProcessDiagramPathTest.state(ProcessDiagramPathTest.data(whole.body()),
        CampaignModel.Campaign.CONSOLIDATION_PHASE))
        .isEqualTo("completed");
    assertThat(get("auditor", "/campaign/api/review/process-instances/no-such-instance/diagram").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aDepartmentReadsItsOwnDossierOnlyAndTheApiNeverWrites() {
    String code = finishedCampaign();
    CampaignRest rest = new CampaignRest(port);
    String finance = dossierPath(code, "dept-finance");

    assertThat(rest.get("finance-liaison", finance).status()).isEqualTo(200);
    CampaignRest.Reply refused = rest.get("market-liaison", finance);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("无权查看该单位的活动卷宗。");
    assertThat(rest.get("office", finance).status()).isEqualTo(200);
    assertThat(rest.get("inspector", finance).status()).isEqualTo(200);
    assertThat(rest.get(null, finance).status()).isEqualTo(401);
    assertThat(rest.get("auditor", dossierPath("ZG-NONE", "dept-finance")).status()).isEqualTo(404);
    assertThat(rest.get("auditor", dossierPath(code, "dept-nowhere")).status()).isEqualTo(404);

    assertThat(rest.post("auditor", finance, "{}").status()).isEqualTo(405);
    assertThat(rest.put("office", finance, "{}").status()).isEqualTo(405);
    assertThat(rest.delete("admin", finance).status()).isEqualTo(405);
    String self = rest.get("auditor", finance).json().path("processInstances").get(0).path("diagramUrl").asText();
    assertThat(rest.post("auditor", self, "{}").status()).isEqualTo(405);
  }

  @Test
  void aReminderNoticeAndALaterCorrectionByTheAdministratorAppearWithWhoAndWhen() throws Exception {
    CampaignDriver driver = new CampaignDriver(engine);
    CampaignRest rest = new CampaignRest(port);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));

    // Friday 08-21: the work plan due on Thursday is overdue; the supervision office issues a reminder
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    driver.runJobs();
    Task reminder = engine.getTaskService().createTaskQuery().processDefinitionKey(EscalationModel.PROCESS)
        .processInstanceBusinessKey(code).singleResult();
    claimAndSubmit(rest, "supervisor", reminder.getId(), Map.of("escalationDecision", "issue",
        "noticeTitle", engine.getTaskService().getVariable(reminder.getId(), EscalationModel.NOTICE_TITLE),
        "noticeBody", engine.getTaskService().getVariable(reminder.getId(), "noticeBody")));
    driver.runJobs();

    // 10:00 the liaison delivers the work plan, which ends the ladder
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 10, 0));
    Task workPlan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    claimAndSubmit(rest, "finance-liaison", workPlan.getId(), Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。",
        "workPlanLeader", "分管副局长"));
    driver.runJobs();

    // Monday 08-24 15:00: the plan's leader changed; the administrator corrects it on the running instance
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 24), 15, 0));
    String selfInspection = workPlan.getProcessInstanceId();
    assertThat(rest.put("admin", "/engine-rest/process-instance/" + selfInspection + "/variables/workPlanLeader",
        "{\"value\":\"分管副局长李强\",\"type\":\"String\"}").status()).isEqualTo(204);

    CampaignRest.Reply reply = rest.get("auditor", dossierPath(code, "dept-finance"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode dossier = reply.json();
    assertThat(dossier.path("campaignState").asText()).isEqualTo("进行中");

    JsonNode change = only(dossier.path("variableChanges"), c -> c.path("variable").asText().equals("workPlanLeader"));
    assertThat(change.path("label").asText()).isEqualTo("方案负责人");
    assertThat(change.path("oldValue").asText()).isEqualTo("分管副局长");
    assertThat(change.path("newValue").asText()).isEqualTo("分管副局长李强");
    assertThat(change.path("changedBy").asText()).isEqualTo("admin");
    assertThat(Instant.parse(change.path("changedAt").asText()))
        .isEqualTo(AugustCampaign.at(LocalDate.of(2026, 8, 24), 15, 0).toInstant());
    assertThat(change.path("via").asText()).isEqualTo("USER");
    assertThat(change.path("operationType").asText()).isEqualTo("SetVariable");
    // the submission still shows what the department submitted
    JsonNode submitted = only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("制定工作方案"));
    assertThat(submitted.path("submittedAt").asText()).isEqualTo("2026-08-21T02:00:00Z");
    assertThat(submitted.path("fields")).extracting(f -> f.path("value").asText()).contains("分管副局长");

    // the ladders: the work plan's, ended by its delivery, and the one of 对照清单自查, which was
    // overdue (due 08-14) the moment the delivery created it
    assertThat(StreamSupport.stream(dossier.path("processInstances").spliterator(), false)
        .filter(i -> i.path("processDefinitionKey").asText().equals(EscalationModel.PROCESS))
        .map(i -> i.path("stateLabel").asText())).containsExactlyInAnyOrder("已完成", "进行中");
    // the work plan's ladder: the supervision office's task, the notice and who was told
    JsonNode issue = only(dossier.path("tasks"), t -> t.path("name").asText().equals("签发催办通知")
        && !t.path("completedBy").isMissingNode() && !t.path("completedBy").isNull());
    assertThat(issue.path("completedBy").asText()).isEqualTo("supervisor");
    assertThat(only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("签发催办通知")).path("fields"))
        .extracting(f -> f.path("label").asText() + "：" + f.path("valueLabel").asText()).contains("审批意见：同意签发");
    JsonNode notice = only(dossier.path("notices"), n -> true);
    assertThat(notice.path("kindLabel").asText()).isEqualTo("催办通知");
    assertThat(notice.path("number").asText()).startsWith(code + "〔2026〕");
    assertThat(notice.path("issuedOn").asText()).isEqualTo("2026-08-21");
    assertThat(notice.path("url").asText()).isEqualTo("/campaign/notices/" + notice.path("id").asLong());
    assertThat(dossier.path("notifications"))
        .extracting(n -> n.path("recipientId").asText() + " " + n.path("eventKey").asText().split(":")[0])
        .contains("finance-liaison task-created", "finance-liaison overdue", "finance-liaison escalation",
            "office escalation");

    // the running self-inspection: the work plan done, the discussion window closed on it, self-inspection open
    HttpResponse<String> diagram = get("finance-liaison",
        "/campaign/api/review/process-instances/" + selfInspection + "/diagram");
    assertThat(diagram.statusCode()).isEqualTo(200);
    JsonNode drawn = ProcessDiagramPathTest.data(diagram.body());
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.DRAFT_WORK_PLAN))
        .isEqualTo("completed");
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.SELF_INSPECT)).isEqualTo("active");
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.RECORD_DISCUSSION))
        .isEqualTo("canceled");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ToMarkDiscussionMissing")).isEqualTo("taken");
    assertThat(ProcessDiagramPathTest.state(drawn, "SequenceFlow_ToMarkDiscussionRecorded")).isEqualTo("not-taken");
    assertThat(ProcessDiagramPathTest.state(drawn, CampaignModel.SelfInspection.SUBMIT_REPORT))
        .isEqualTo("not-executed");

    assertThat(rest.get("finance-liaison", dossierPath(code, "dept-finance")).status()).isEqualTo(200);
    assertThat(rest.get("market-liaison", dossierPath(code, "dept-finance")).status()).isEqualTo(403);
  }

  @Test
  void aSurveyRoundIsNotInTheDossier_itsPublicCommitmentIsAProcessOfTheDepartmentsOwn() throws Exception {
    CampaignDriver driver = new CampaignDriver(engine);
    CampaignRest rest = new CampaignRest(port);
    String code = AugustCampaign.launch(driver, AugustCampaign.ALL);
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 24), 10, 0));

    // a counted survey round puts the finance bureau last among government departments; the office
    // confirms the admonishment talk, discipline inspection holds it (through the engine's API, as
    // a script without a logged-in user would)
    String round = AugustCampaign.surveyPuttingFinanceLast(driver, code);

    JsonNode dossier = rest.get("auditor", dossierPath(code, "dept-finance")).json();

    // the round (all departments' counts and places) is not the department's; the round calls a
    // process of the department's own for its public commitment, holding only the department's data
    assertThat(dossier.path("processInstances")).noneSatisfy(i -> assertThat(i.path("id").asText()).isEqualTo(round));
    JsonNode own = only(dossier.path("processInstances"),
        i -> i.path("processDefinitionKey").asText().equals(SurveyModel.COMMITMENT_PROCESS));
    assertThat(own.path("relation").asText()).isEqualTo("DEPARTMENT");
    assertThat(own.path("superProcessInstanceId").asText()).isEqualTo(round);
    JsonNode commitment = only(dossier.path("tasks"),
        t -> t.path("processInstanceId").asText().equals(own.path("id").asText()));
    assertThat(commitment.path("name").asText()).isEqualTo("作出公开整改承诺");
    assertThat(commitment.path("statusLabel").asText()).isEqualTo("办理中");
    assertThat(commitment.path("candidateGroups").asText()).isEqualTo("dept-finance");
    assertThat(dossier.path("submissions"))
        .noneSatisfy(s -> assertThat(s.path("processInstanceId").asText()).isEqualTo(round));
    assertThat(dossier.path("variableChanges"))
        .noneSatisfy(c -> assertThat(c.path("processInstanceId").asText()).isEqualTo(round));
    // the escalation step and the rectification item the round started are the department's own
    assertThat(dossier.path("processInstances")).filteredOn(i -> i.path("relation").asText().equals("DEPARTMENT"))
        .extracting(i -> i.path("processDefinitionKey").asText())
        .contains(EscalationModel.PROCESS, CampaignModel.RECTIFICATION_ITEM_PROCESS,
            CampaignModel.SELF_INSPECTION_PROCESS);
    // completed without a logged-in user: the assignee completed it, the values of its activity were submitted
    JsonNode held = only(dossier.path("tasks"), t -> t.path("name").asText().equals("诫勉谈话"));
    assertThat(held.path("completedBy").asText()).isEqualTo("inspector");
    assertThat(held.path("assigneeHistory")).extracting(c -> c.path("operation").asText())
        .containsExactly("AssigneeSet");
    JsonNode decided = only(dossier.path("variableChanges"),
        c -> c.path("variable").asText().equals("escalationDecision"));
    assertThat(decided.path("via").asText() + " " + decided.path("changedBy").asText())
        .isEqualTo("SUBMISSION inspector");
    assertThat(only(dossier.path("submissions"), s -> s.path("taskName").asText().equals("诫勉谈话")).path("fields"))
        .extracting(f -> f.path("label").asText() + "：" + f.path("value").asText())
        .contains("谈话日期：2026-08-26", "审批意见：issue", "责令作出书面检查：false");
    assertThat(only(dossier.path("notices"), n -> true).path("kindLabel").asText()).isEqualTo("诫勉谈话记录");

    // the round's diagram is of all departments: not for the department
    String url = "/campaign/api/review/process-instances/" + round + "/diagram";
    assertThat(get("finance-liaison", url).statusCode()).isEqualTo(403);
    HttpResponse<String> diagram = get("auditor", url);
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(
        ProcessDiagramPathTest.state(ProcessDiagramPathTest.data(diagram.body()), SurveyModel.MAKE_COMMITMENT))
        .isEqualTo("active");
  }

  @Test
  void theLeadersDemocraticEvaluationIsForTheWorkingBodiesOnly() throws Exception {
    CampaignDriver driver = new CampaignDriver(engine);
    CampaignRest rest = new CampaignRest(port);
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    Map<String, Object> votes = new java.util.LinkedHashMap<>(Map.of("campaignCode", code, "department", "dept-finance",
        "leaderName", "卷宗测试局长", "leaderPost", "局长", "evaluationYear", 2025));
    votes.putAll(Map.of("votesCompetent", 20, "votesBasicallyCompetent", 8, "votesIncompetent", 2));
    CampaignRest.Reply started = rest.post("office",
        "/engine-rest/process-definition/key/" + EvaluationModel.PROCESS + "/start",
        CampaignRest.variables(votes));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String evaluation = started.json().path("id").asText();

    JsonNode full = rest.get("auditor", dossierPath(code, "dept-finance")).json();
    assertThat(full.path("processInstances")).anySatisfy(i -> assertThat(i.path("id").asText()).isEqualTo(evaluation));
    assertThat(full.path("tasks")).anySatisfy(t -> assertThat(t.path("name").asText()).isEqualTo("研判民主测评结果"));

    JsonNode own = rest.get("finance-liaison", dossierPath(code, "dept-finance")).json();
    assertThat(own.path("processInstances")).isNotEmpty()
        .noneSatisfy(i -> assertThat(i.path("processDefinitionKey").asText()).isEqualTo(EvaluationModel.PROCESS));
    assertThat(own.path("tasks")).noneSatisfy(t -> assertThat(t.path("name").asText()).isEqualTo("研判民主测评结果"));
    assertThat(own.toString()).doesNotContain("卷宗测试局长");
    String diagram = "/campaign/api/review/process-instances/" + evaluation + "/diagram";
    assertThat(get("finance-liaison", diagram).statusCode()).isEqualTo(403);
    assertThat(get("orgdept", diagram).statusCode()).isEqualTo(200);
  }

  private void claimAndSubmit(CampaignRest rest, String user, String taskId, Map<String, Object> form) {
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").status())
        .isEqualTo(204);
    CampaignRest.Reply reply = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  /** The SVG as text with its headers, as a browser gets it. */
  private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode only(JsonNode array, java.util.function.Predicate<JsonNode> which) {
    List<JsonNode> found = StreamSupport.stream(array.spliterator(), false).filter(which).toList();
    assertThat(found).as(array.toString()).hasSize(1);
    return found.get(0);
  }
}
