package cn.gov.county.campaign.extension;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.escalation.DeadlineWatch;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.notification.NotificationRecord;
import cn.gov.county.campaign.notification.Notifications;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.problem.ProblemSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deadline extensions (延期申请) through the real HTTP API as the demo users, in an August 2026
 * campaign on the engine clock: the finance bureau asks before its problem's deadline, the office
 * approves or refuses, the ladder follows the new date, and the ledger and the record show both.
 */
@CampaignIntegrationTest
class DeadlineExtensionProcessTest {

  private static final String START = "/engine-rest/process-definition/key/" + ExtensionModel.PROCESS + "/start";
  private static final String FORM = "/engine-rest/process-definition/key/" + ExtensionModel.PROCESS
      + "/deployed-start-form";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  ProblemRegister register;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  EscalationLedger escalations;

  @Autowired
  ExtensionLedger extensions;

  @Autowired
  Notifications notifications;

  private CampaignRest rest;
  private CampaignDriver driver;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    driver = new CampaignDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- given ---------------------------------------------------------------------------------

  /** A problem of the department with its measure set and the deadline given; answers its code. */
  private String problemDueOn(String code, String department, String deadline) {
    String problemCode = register
        .register(code, List.of(new ProblemRegister.NewProblem(department, ProblemSource.office,
            "窗口办件超时，群众多次往返。", null, null)))
        .get(0);
    Task measure = driver.tasks.createTaskQuery().processVariableValueEquals(ExtensionModel.PROBLEM_CODE, problemCode)
        .taskDefinitionKey(CampaignModel.RectificationItem.DEFINE_MEASURE).singleResult();
    driver.complete(measure, CampaignDriver.liaisonOf(department), Map.of("measure", "推行限时办结和首问负责制",
        "target", "群众办事限时办结率达到100%", "responsible", CampaignDriver.liaisonNameOf(department), "rectificationDeadline",
        deadline));
    return problemCode;
  }

  private Task progressTask(String problemCode) {
    return driver.tasks.createTaskQuery().processVariableValueEquals(ExtensionModel.PROBLEM_CODE, problemCode)
        .taskDefinitionKey(CampaignModel.RectificationItem.REPORT_PROGRESS).singleResult();
  }

  private static Map<String, Object> request(String problemCode, String requested, String reason) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("problemCode", problemCode);
    form.put("requestedDeadline", requested);
    form.put("extensionReason", reason);
    return form;
  }

  private CampaignRest.Reply ask(String user, Map<String, Object> form) {
    return rest.post(user, START, CampaignRest.variables(form));
  }

  private String reviewTask(String extension) {
    return driver.tasks.createTaskQuery().processInstanceId(extension).taskDefinitionKey(ExtensionModel.REVIEW_TASK)
        .singleResult().getId();
  }

  private CampaignRest.Reply review(String extension, Map<String, Object> decision) {
    String task = reviewTask(extension);
    rest.post("office", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"office\"}");
    return rest.post("office", "/engine-rest/task/" + task + "/complete", CampaignRest.variables(decision));
  }

  private static List<String> fields(CampaignRest.Reply reply) {
    return reply.json().path("violations").findValuesAsText("field");
  }

  private static Date at(int month, int day, int hour) {
    return AugustCampaign.at(LocalDate.of(2026, month, day), hour, 0);
  }

  // ---- the paths -----------------------------------------------------------------------------

  @Test
  void anApprovedExtension_theLedgerAndRecordShowBothDeadlines_theLadderFollowsTheNewOne() {
    // given: the finance bureau's problem due on Wednesday 2026-08-12
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-market"));
    String problem = problemDueOn(code, "dept-finance", "2026-08-12");
    Task progress = progressTask(problem);
    assertThat(progress.getDueDate()).isEqualTo(AugustCampaign.endOf(LocalDate.of(2026, 8, 12)));
    ClockUtil.setCurrentTime(at(8, 5, 10));

    // the start form lists the department's own open problems, not another department's
    assertThat(rest.get("finance-liaison", FORM).json().findValuesAsText("value")).contains(problem);
    assertThat(rest.get("market-liaison", FORM).json().findValuesAsText("value")).doesNotContain(problem);

    // when: the liaison asks through the REST API, before the deadline, for Tuesday 2026-08-18
    CampaignRest.Reply asked = ask("finance-liaison", request(problem, "2026-08-18", "涉及跨部门流程再造，需市级系统升级后方能完成。"));
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    String extension = asked.json().path("id").asText();
    JsonNode task = rest.get("office", "/engine-rest/task/" + reviewTask(extension)).json();
    assertThat(task.path("name").asText()).isEqualTo("审批延期申请");
    assertThat(task.path("due").isNull()).isFalse();
    JsonNode shown = rest.get("office", "/engine-rest/task/" + reviewTask(extension) + "/form-variables").json();
    assertThat(shown.path("currentDeadline").path("value").asText()).isEqualTo("2026-08-12");
    assertThat(shown.path("originalDeadline").path("value").asText()).isEqualTo("2026-08-12");
    assertThat(shown.path("requestedDeadline").path("value").asText()).isEqualTo("2026-08-18");
    assertThat(shown.path("departmentName").path("value").asText()).isEqualTo("县财政局");
    // nothing moves before the office decides
    assertThat(progressTask(problem).getDueDate()).isEqualTo(AugustCampaign.endOf(LocalDate.of(2026, 8, 12)));

    // and the office approves
    Map<String, Object> approve = new LinkedHashMap<>();
    approve.put("extensionDecision", "approved");
    approve.put("extensionOpinion", "同意，请按新时限完成。");
    assertThat(review(extension, approve).status()).isEqualTo(204);

    // then: the progress task is due on the new date, its warning window and timers moved with it
    Date newDue = AugustCampaign.endOf(LocalDate.of(2026, 8, 18));
    Task moved = progressTask(problem);
    assertThat(moved.getDueDate()).isEqualTo(newDue);
    assertThat(moved.getFollowUpDate()).isAfter(AugustCampaign.endOf(LocalDate.of(2026, 8, 12)));
    assertThat(driver.management.createJobQuery().jobId("overdue:" + moved.getId()).singleResult().getDuedate())
        .isEqualTo(newDue);
    assertThat(notifications.ofEvent("deadline-extension:" + extension)).extracting(NotificationRecord::recipientId)
        .containsExactlyInAnyOrder("finance-liaison", "finance-head");
    assertThat(notifications.ofEvent("deadline-extension:" + extension)).first()
        .satisfies(n -> assertThat(n.subject()).isEqualTo("延期申请已同意：" + problem));

    // the record shows both deadlines, with the approval date
    JsonNode record = rest.get("office", "/campaign/api/campaigns/" + code + "/departments/dept-finance/record").json();
    JsonNode row = null;
    for (JsonNode p : record.path("problems")) {
      if (problem.equals(p.path("problemCode").asText())) {
        row = p;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("originalDeadline").asText()).isEqualTo("2026-08-12");
    assertThat(row.path("deadline").asText()).isEqualTo("2026-08-18");
    assertThat(row.path("extendedOn").asText()).isEqualTo("2026-08-05");
    String page = rest.get("finance-liaison", "/campaign/campaigns/" + code + "/departments/dept-finance").body();
    assertThat(page).contains("原定时限", "延期后时限", "<td>2026-08-12</td>", "2026-08-18（2026-08-05批准延期）");
    // and the office's ledger
    JsonNode ledger = rest.get("office", "/campaign/api/review/campaigns/" + code).json().path("ledger");
    JsonNode finance = null;
    for (JsonNode r : ledger) {
      if ("dept-finance".equals(r.path("department").asText())) {
        finance = r;
      }
    }
    assertThat(finance).isNotNull();
    assertThat(finance.path("deadlineExtensions").get(0).asText())
        .isEqualTo(problem + "：原定时限2026-08-12，延期后时限2026-08-18（2026-08-05批准）");

    // when the original deadline has passed: no ladder, the task is not overdue
    ClockUtil.setCurrentTime(at(8, 13, 9));
    watch.scan();
    assertThat(escalations.escalations(code, "dept-finance")).extracting(EscalationLedger.Escalation::taskId)
        .doesNotContain(moved.getId());
    assertThat(notifications.ofEvent("overdue:" + moved.getId())).isEmpty();
    // the record still counts against the original deadline for the assessment
    JsonNode late = null;
    for (JsonNode d : rest.get("office", "/campaign/api/campaigns/" + code + "/departments/dept-finance/record").json()
        .path("deadlines")) {
      if ("报告整改进展".equals(d.path("task").asText()) && d.path("originalDue").isTextual()) {
        late = d;
      }
    }
    assertThat(late).isNotNull();
    assertThat(late.path("workingDaysLate").asInt()).isZero();
    assertThat(late.path("originalWorkingDaysLate").asInt()).isEqualTo(1);

    // when the new one has passed: the ladder starts for the task
    ClockUtil.setCurrentTime(at(8, 19, 9));
    watch.scan();
    assertThat(escalations.escalations(code, "dept-finance")).extracting(EscalationLedger.Escalation::taskId)
        .contains(moved.getId());
    assertThat(notifications.ofEvent("overdue:" + moved.getId())).extracting(NotificationRecord::recipientId)
        .containsExactly("finance-liaison");

    // both the request and the decision are in history for auditors
    HistoricProcessInstance done = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(extension).singleResult();
    assertThat(done.getBusinessKey()).isEqualTo(code);
    assertThat(done.getEndActivityId()).isEqualTo(ExtensionModel.GRANTED_END);
    assertThat(rest.get("auditor", "/engine-rest/history/variable-instance?processInstanceId=" + extension
        + "&variableName=extensionReason").json().get(0).path("value").asText()).startsWith("涉及跨部门流程再造");
  }

  @Test
  void aRefusedExtension_needsTheOfficesReasons_andLeavesTheDeadline() {
    // given
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    String problem = problemDueOn(code, "dept-finance", "2026-08-14");
    ClockUtil.setCurrentTime(at(8, 6, 10));
    CampaignRest.Reply asked = ask("finance-liaison", request(problem, "2026-08-28", "人员不足。"));
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    String extension = asked.json().path("id").asText();

    // when: the office refuses without saying why
    Map<String, Object> refuse = new LinkedHashMap<>();
    refuse.put("extensionDecision", "refused");
    refuse.put("extensionOpinion", "");
    CampaignRest.Reply bare = review(extension, refuse);
    // then: refused, the task stays open
    assertThat(bare.status()).isEqualTo(400);
    assertThat(fields(bare)).containsExactly("extensionOpinion");
    assertThat(bare.json().path("message").asText()).contains("审批意见");
    assertThat(driver.tasks.createTaskQuery().processInstanceId(extension).count()).isOne();

    // an approval granting a date after the one asked for, or not after the current deadline, is refused too
    Map<String, Object> tooLate = new LinkedHashMap<>();
    tooLate.put("extensionDecision", "approved");
    tooLate.put("grantedDeadline", "2026-09-04");
    assertThat(fields(review(extension, tooLate))).containsExactly("grantedDeadline");
    tooLate.put("grantedDeadline", "2026-08-14");
    assertThat(fields(review(extension, tooLate))).containsExactly("grantedDeadline");

    // when: with its reasons
    refuse.put("extensionOpinion", "理由不充分，请加强力量按期完成。");
    assertThat(review(extension, refuse).status()).isEqualTo(204);

    // then: the deadline stays, the department is told, the request is closed
    assertThat(progressTask(problem).getDueDate()).isEqualTo(AugustCampaign.endOf(LocalDate.of(2026, 8, 14)));
    assertThat(notifications.ofEvent("deadline-extension:" + extension)).first()
        .satisfies(n -> assertThat(n.body()).contains("不同意", "理由不充分"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(extension)
        .singleResult().getEndActivityId()).isEqualTo(ExtensionModel.REFUSED_END);
    assertThat(extensions.of(code, "dept-finance")).singleElement()
        .satisfies(e -> assertThat(e.statusLabel()).isEqualTo("不同意"));
    JsonNode record = rest.get("office", "/campaign/api/campaigns/" + code + "/departments/dept-finance/record").json();
    assertThat(record.path("problems").get(0).path("deadline").asText()).isEqualTo("2026-08-14");
    assertThat(record.path("problems").get(0).path("originalDeadline").isNull()).isTrue();
    // a new request may follow once the first is decided
    assertThat(ask("finance-liaison", request(problem, "2026-08-21", "市级系统升级推迟，附说明。")).status()).isEqualTo(200);
  }

  @Test
  void badRequestsAreRefusedOnEveryPath_namingTheField() {
    // given
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-market"));
    String problem = problemDueOn(code, "dept-finance", "2026-08-12");
    ClockUtil.setCurrentTime(at(8, 5, 10));
    long before = extensions.of(code, null).size();

    // another department's problem, through /engine-rest with forged variables
    CampaignRest.Reply other = ask("market-liaison", request(problem, "2026-08-18", "代为申请。"));
    assertThat(other.status()).isEqualTo(400);
    assertThat(fields(other)).containsExactly("problemCode");
    assertThat(other.json().path("message").asText()).contains("「整改问题」不是本单位正在整改的问题");
    Map<String, Object> forged = request(problem, "2026-08-18", "代为申请。");
    forged.put("department", "dept-market");
    assertThat(ask("market-liaison", forged).status()).isEqualTo(400);
    // the office is no department; the auditors may not start anything
    assertThat(ask("office", request(problem, "2026-08-18", "代为申请。")).status()).isEqualTo(400);
    assertThat(ask("auditor", request(problem, "2026-08-18", "代为申请。")).status()).isEqualTo(403);

    // a deadline not later than the current one, a day off, no reason
    CampaignRest.Reply earlier = ask("finance-liaison", request(problem, "2026-08-12", "需要更多时间。"));
    assertThat(earlier.status()).isEqualTo(400);
    assertThat(fields(earlier)).containsExactly("requestedDeadline");
    assertThat(earlier.json().path("message").asText()).contains("「申请延期至」应晚于现整改时限（2026-08-12）");
    assertThat(fields(ask("finance-liaison", request(problem, "2026-08-15", "需要更多时间。"))))
        .containsExactly("requestedDeadline");
    assertThat(fields(ask("finance-liaison", request(problem, "2026-08-18", "   "))))
        .containsExactly("extensionReason");

    // a second request while the first waits for the office
    assertThat(ask("finance-liaison", request(problem, "2026-08-18", "系统升级。")).status()).isEqualTo(200);
    CampaignRest.Reply twice = ask("finance-liaison", request(problem, "2026-08-19", "系统升级。"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(fields(twice)).containsExactly("problemCode");
    assertThat(twice.json().path("message").asText()).contains("正在审批");
    // the table's unique key holds even past the form's rule (two requests at the same moment)
    assertThat(extensions.request("race", code, problem, "dept-finance", "finance-liaison", new Date(), "2026-08-12",
        "2026-08-19", "并发")).isFalse();

    // after the deadline has passed
    String lapsed = problemDueOn(code, "dept-finance", "2026-08-14");
    ClockUtil.setCurrentTime(at(8, 17, 9));
    CampaignRest.Reply late = ask("finance-liaison", request(lapsed, "2026-08-21", "系统升级。"));
    assertThat(late.status()).isEqualTo(400);
    assertThat(fields(late)).containsExactly("problemCode");
    assertThat(late.json().path("message").asText()).contains("已过");

    // only the one valid request was stored
    assertThat(extensions.of(code, null)).hasSize((int) before + 1);
  }
}
