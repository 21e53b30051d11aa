package cn.gov.county.campaign.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervision cases as the working bodies run them through /engine-rest: a case opened from a
 * finding gets a proposed measure; only a body with the authority may choose a measure; the
 * measure is a numbered notice in the department's record; a 通报批评 reaches every unit.
 */
@CampaignIntegrationTest
class SupervisionCaseProcessTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private static final String START = "/engine-rest/process-definition/key/" + SupervisionModel.PROCESS
      + "/submit-form";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  @Autowired
  Notifications notifications;

  @Autowired
  Organization organization;

  private CampaignRest rest;
  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    driver = new CampaignDriver(engine);
  }

  private static Map<String, Object> spotCheck(String code, String department) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("department", department);
    form.put("cadreName", "钱进");
    form.put("cadrePost", "办公室主任");
    form.put("findingSource", "spotCheck");
    form.put("checkMode", "unannounced");
    form.put("checkedBy", "县委督查室杨帆、李明");
    form.put("checkedOn", TODAY.minusDays(1).toString());
    form.put("finding", "上午十时暗访政务服务窗口，办公室主任钱进离岗，群众排队等候四十分钟无人办理。");
    form.put("evidence", "暗访录像一段、现场照片三张，存督查室。");
    form.put("seriousness", "general");
    form.put("repeated", false);
    return form;
  }

  /** Opens the case as the user and returns the case's decision task. */
  private Task open(String user, Map<String, Object> form) {
    var started = rest.post(user, START, RestCampaignWalkthrough.form(form));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return driver.tasks.createTaskQuery().processInstanceId(started.json().path("id").asText())
        .taskDefinitionKey(SupervisionModel.DECIDE_MEASURE).singleResult();
  }

  private CampaignRest.Reply decide(String user, Task task, Map<String, Object> decision) {
    assertThat(
        rest.post(user, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").status())
        .isEqualTo(204);
    var reply = rest.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
        RestCampaignWalkthrough.form(decision));
    driver.runJobs();
    return reply;
  }

  private JsonNode record(String user, String code, String department) {
    var reply = rest.get(user, "/campaign/api/campaigns/" + code + "/departments/" + department + "/record");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void disciplineInspectionChoosesAdmonishmentOverTheProposedRectificationNotice_andTheRecordShowsTheNotice() {
    // given: the supervision office's unannounced check found the finance bureau's office head away from his post
    String code = driver.launch("督查问责演练一", List.of());
    Task decision = open("supervisor", spotCheck(code, "dept-finance"));

    // then: the table proposes a rectification notice, and the decision form says so
    assertThat(driver.runtime.getVariable(decision.getProcessInstanceId(), SupervisionModel.PROPOSED_MEASURE))
        .isEqualTo("rectificationNotice");
    assertThat(driver.runtime.getVariable(decision.getProcessInstanceId(), "proposedMeasureLabel")).isEqualTo("限期整改通知");
    assertThat((String) driver.runtime.getVariable(decision.getProcessInstanceId(), "caseSummary"))
        .contains("县财政局办公室主任钱进", "暗访", "县委督查室杨帆、李明", "离岗");

    // when: the supervision office itself chooses 诫勉谈话, which is not its to decide
    var refused = decide("supervisor", decision,
        Map.of("measure", "admonishmentTalk", "measureReason", "离岗造成群众长时间等候。"));
    // then: refused with the field named, and the task stays open
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「处理措施」诫勉谈话须由县纪委监委或县委组织部决定，县委督查室无此权限");
    assertThat(driver.tasks.createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);
    // the office hands the case to discipline inspection
    var handedOver = rest.post("office", "/engine-rest/task/" + decision.getId() + "/assignee", "{\"userId\":null}");
    assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(204);

    // when: discipline inspection chooses 诫勉谈话 over the proposal
    var decided = decide("inspector", decision, Map.of("measure", "admonishmentTalk",
        "measureReason", "工作时间离岗，群众等候四十分钟，造成不良影响；限期整改不足以警示。"));

    // then: a numbered notice in the official layout, in the department's record
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    JsonNode measures = record("finance-liaison", code, "dept-finance").path("supervisionMeasures");
    assertThat(measures).hasSize(1);
    JsonNode measure = measures.get(0);
    assertThat(measure.path("measure").asText()).isEqualTo("admonishmentTalk");
    assertThat(measure.path("proposedMeasure").asText()).isEqualTo("rectificationNotice");
    assertThat(measure.path("decidingBodyName").asText()).isEqualTo("县纪委监委");
    assertThat(measure.path("decidedBy").asText()).isEqualTo("inspector");
    assertThat(measure.path("cadreName").asText()).isEqualTo("钱进");
    assertThat(measure.path("noticeNumber").asText()).matches(code + "〔\\d{4}〕\\d+号");
    var notice = rest.get("finance-liaison", "/campaign/notices/" + measure.path("noticeId").asLong());
    assertThat(notice.status()).isEqualTo(200);
    assertThat(notice.body()).contains("关于对县财政局办公室主任钱进进行诫勉谈话的决定", "县纪委监委",
        measure.path("noticeNumber").asText());
    assertThat(rest.get("propaganda-liaison", "/campaign/notices/" + measure.path("noticeId").asLong()).status())
        .isEqualTo(403);
    // and the office's and auditors' ledger lists it beside the escalation steps
    JsonNode ledger = rest.get("auditor", "/campaign/api/review/campaigns/" + code).json().path("ledger");
    JsonNode financeRow = ledger.findParents("department").stream()
        .filter(r -> r.path("department").asText().equals("dept-finance")).findFirst().orElseThrow();
    assertThat(financeRow.path("escalationSteps").toString())
        .contains("督查问责：诫勉谈话（钱进）（" + measure.path("noticeNumber").asText() + "）");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(decision.getProcessInstanceId())
        .singleResult().getEndActivityId()).isEqualTo(SupervisionModel.MEASURE_ISSUED_END);
  }

  @Test
  void aNamedCriticismIsCirculatedToEveryUnit() {
    // given: a substantiated complaint of grave 推诿扯皮 at the market bureau
    String code = driver.launch("督查问责演练二", List.of());
    Map<String, Object> form = spotCheck(code, "dept-market");
    form.put("cadreName", "");
    form.put("cadrePost", "");
    form.put("findingSource", "complaint");
    form.remove("checkMode");
    form.remove("checkedBy");
    form.remove("checkedOn");
    form.put("finding", "群众投诉办理食品经营许可往返五次仍未办结，经核实属实。");
    form.put("seriousness", "grave");
    Task decision = open("office", form);
    assertThat(driver.runtime.getVariable(decision.getProcessInstanceId(), SupervisionModel.PROPOSED_MEASURE))
        .isEqualTo("namedCriticism");

    // when: the office issues the 通报批评
    var decided = decide("office", decision, Map.of("measure", "namedCriticism", "measureReason", "推诿扯皮，群众反映强烈。"));

    // then: every unit's liaison and head are told, once each, and every unit can read the 通报
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    long noticeId = record("office", code, "dept-market").path("supervisionMeasures").get(0).path("noticeId").asLong();
    var told = notifications.ofEvent("supervision-measure:" + decision.getProcessInstanceId());
    Set<String> everyUnitsPeople = organization.departments().stream()
        .flatMap(d -> java.util.stream.Stream.of(d.liaison().id(), d.head().id())).collect(Collectors.toSet());
    assertThat(told.stream().map(n -> n.recipientId()).collect(Collectors.toSet())).containsAll(everyUnitsPeople);
    assertThat(told).hasSize(told.stream().map(n -> n.recipientId()).collect(Collectors.toSet()).size());
    for (Organization.Department department : organization.departments()) {
      String liaison = department.liaison().id();
      var notice = rest.get(liaison, "/campaign/notices/" + noticeId);
      assertThat(notice.status()).as(liaison).isEqualTo(200);
      assertThat(notice.body()).contains("关于对县市场监督管理局予以通报批评的通报", "各参加单位");
      assertThat(rest.get(liaison, "/campaign/api/notices?campaignCode=" + code + "&department=" + department.id())
          .json().findValuesAsText("id")).contains(String.valueOf(noticeId));
    }
  }

  @Test
  void theCountyCannotAdmonishTheLeaderOfAVerticallyManagedUnit() {
    String code = driver.launch("督查问责演练三", List.of());
    Map<String, Object> form = spotCheck(code, "dept-taxation");
    form.put("seriousness", "grave");
    Task decision = open("inspector", form);
    assertThat(driver.runtime.getVariable(decision.getProcessInstanceId(), SupervisionModel.PROPOSED_MEASURE))
        .isEqualTo("admonishmentTalk");

    var refused = decide("inspector", decision, Map.of("measure", "admonishmentTalk", "measureReason", "情节严重。"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「处理措施」国家税务总局示范县税务局是垂直管理部门，其干部由国家税务总局某市税务局管理");
    assertThat(driver.tasks.createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);
  }

  @Test
  void aRectificationNoticeWantsWrittenFeedbackWithinItsLimit_reviewedByTheDecidingBody() {
    String code = driver.launch("督查问责演练四", List.of());
    Task decision = open("supervisor", spotCheck(code, "dept-education"));
    var decided = decide("supervisor", decision, Map.of("measure", "rectificationNotice", "rectificationDays", 5,
        "measureReason", "按建议限期整改。"));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);

    // the department's liaison has the feedback task, due in five working days
    Task feedback = driver.tasks.createTaskQuery().processInstanceId(decision.getProcessInstanceId())
        .taskDefinitionKey(SupervisionModel.SUBMIT_FEEDBACK).singleResult();
    assertThat(driver.tasks.getIdentityLinksForTask(feedback.getId()))
        .anyMatch(l -> "dept-education".equals(l.getGroupId()));
    assertThat(feedback.getDueDate()).isAfter(java.sql.Timestamp.valueOf(TODAY.plusDays(5).atStartOfDay()));
    var submitted = decide("education-liaison", feedback, Map.of("writtenFeedback",
        "已对窗口人员进行批评教育，建立首问负责和离岗登记制度，由办公室主任每日检查，整改已完成。"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

    // the supervision office, which decided, reviews it; the case closes
    Task review = driver.tasks.createTaskQuery().processInstanceId(decision.getProcessInstanceId())
        .taskDefinitionKey(SupervisionModel.REVIEW_FEEDBACK).singleResult();
    assertThat(driver.tasks.getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "supervision-office".equals(l.getGroupId()));
    assertThat(decide("supervisor", review, Map.of("feedbackDecision", "accepted", "feedbackReviewNote", "")).status())
        .isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(decision.getProcessInstanceId())
        .singleResult().getEndActivityId()).isEqualTo(SupervisionModel.CASE_CLOSED_END);
  }
}
