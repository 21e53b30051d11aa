package cn.gov.county.campaign.urging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.audit.AuditChainVerifier;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.notification.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The office steers from the ledger: each unit's current step, who must act and the working days
 * left; the one-click 催办, which only the office may use, which the department reads on its task at
 * once, which is notified in the application and recorded in the campaign's audit chain. And the
 * operation log in plain Chinese, the office's own rows attributed to no unit.
 */
@CampaignIntegrationTest
class UrgingRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditChainVerifier verifier;

  @Autowired
  Notifications notifications;

  @Autowired
  JdbcTemplate jdbc;

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
  void theLedgerShowsEachUnitsStep_whoMustAct_andTheWorkingDaysLeft() {
    // given: a campaign whose work plans are due Thursday 2026-08-20
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-market"));

    // when: the office reads the ledger on Friday 08-14
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 14), 10, 0));
    JsonNode finance = row(code, "dept-finance");

    // then: the step, its liaison by name, and 4 working days (08-17 … 08-20)
    assertThat(finance.path("currentSteps")).extracting(JsonNode::asText).contains("制定工作方案");
    assertThat(finance.path("mustAct")).extracting(JsonNode::asText)
        .contains("联络员 " + CampaignDriver.liaisonNameOf("dept-finance"));
    assertThat(finance.path("daysLeft").asInt()).isEqualTo(4);
    assertThat(finance.path("daysLeftLabel").asText()).isEqualTo("剩余4个工作日");

    // when: Tuesday 08-25, three working days after the due date
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 25), 10, 0));
    finance = row(code, "dept-finance");
    assertThat(finance.path("daysLeft").asInt()).isEqualTo(-3);
    assertThat(finance.path("daysLeftLabel").asText()).isEqualTo("已逾期3个工作日");

    // and once the finance bureau has done its plan, nothing of it is due in the ledger any more for that step
    driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"), "finance-liaison",
        Map.of("workPlan", "成立工作专班。", "workPlanLeader", "分管副局长"));
    assertThat(row(code, "dept-finance").path("currentSteps")).extracting(JsonNode::asText).doesNotContain("制定工作方案");
  }

  @Test
  void onlyTheOfficeUrges_theDepartmentSeesItOnItsTask_andItIsInTheAuditChain() throws Exception {
    // given: the finance bureau's open work plan
    CampaignDriver driver = new CampaignDriver(engine);
    String code = AugustCampaign.launch(driver, List.of("dept-finance", "dept-market"));
    Task plan = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    String path = "/campaign/api/campaigns/" + code + "/departments/dept-finance/urgings";

    // when/then: a department, an auditor, the supervision office cannot urge; nothing is recorded
    for (String user : List.of("finance-liaison", "market-liaison", "auditor")) {
      CampaignRest.Reply refused = rest.post(user, path, "{}");
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.body()).isEqualTo(UrgingController.OFFICE_ONLY);
    }
    assertThat(
        rest.get("finance-liaison", "/campaign/api/tasks/" + plan.getId() + "/urgings").json().path("count").asInt())
        .isZero();

    // when: the office urges
    CampaignRest.Reply urged = rest.post("office", path, "{}");

    // then: answered in Chinese, the department reads it on its task at once
    assertThat(urged.status()).as(urged.body()).isEqualTo(201);
    assertThat(urged.json().path("message").asText()).startsWith("已催办县财政局：").contains("「制定工作方案」");
    String urgingId = urged.json().path("urgings").get(0).path("urgingId").asText();
    CampaignRest.Reply seen = rest.get("finance-liaison", "/campaign/api/tasks/" + plan.getId() + "/urgings");
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().path("count").asInt()).isEqualTo(1);
    assertThat(seen.json().path("latest").path("text").asText()).startsWith("领导小组办公室（")
        .endsWith("催办「制定工作方案」，请抓紧办理。");
    // another department does not find the task; the auditor reads
    assertThat(rest.get("market-liaison", "/campaign/api/tasks/" + plan.getId() + "/urgings").status()).isEqualTo(404);
    assertThat(rest.get("auditor", "/campaign/api/tasks/" + plan.getId() + "/urgings").json().path("count").asInt())
        .isEqualTo(1);

    // the liaison is told in the application (mail only where mail is on)
    assertThat(notifications.ofCampaign(code, "dept-finance")).anySatisfy(n -> {
      assertThat(n.subject()).startsWith("【催办】").contains("「制定工作方案」");
      assertThat(n.recipientId()).isEqualTo("finance-liaison");
    });

    // the ledger counts it
    assertThat(row(code, "dept-finance").path("urgings").asInt()).isEqualTo(1);
    assertThat(row(code, "dept-market").path("urgings").asInt()).isZero();

    // the campaign's audit chain holds it, and still verifies clean
    List<Map<String, Object>> entries = jdbc.queryForList("SELECT chain_key, kind, fields FROM campaign_audit_entry "
        + "WHERE row_id = ?", urgingId);
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("CHAIN_KEY")).isEqualTo(code);
    assertThat(entries.get(0).get("KIND")).isEqualTo("URGING");
    JsonNode fields = JSON.readTree((String) entries.get(0).get("FIELDS"));
    assertThat(fields.path("urgedBy").asText()).isEqualTo("office");
    assertThat(fields.path("department").asText()).isEqualTo("dept-finance");
    assertThat(fields.path("taskIds").asText()).contains(plan.getId());
    assertThat(verifier.verify(code).clean()).isTrue();

    // an unknown unit is not found
    assertThat(rest.post("office", "/campaign/api/campaigns/" + code + "/departments/dept-none/urgings", "{}").status())
        .isEqualTo(404);
  }

  @Test
  void theOperationLogSaysWhoDidWhatToWhichTask_andTheLaunchBelongsToNoUnit() {
    // given: the office launches through the REST API and records the mobilization; the finance
    // bureau's liaison claims and completes its work plan
    CampaignDriver driver = new CampaignDriver(engine);
    List<String> others = AugustCampaign.ALL.stream().filter(d -> !d.equals("dept-finance")).toList();
    Map<String, Object> launch = new java.util.LinkedHashMap<>(CampaignDriver.launchForm("操作日志演练", List.of()));
    launch.put("excludedDepartments", others);
    launch.put("excludedChecklistItems", List.of());
    CampaignRest.Reply started = rest.post("office",
        "/engine-rest/process-definition/key/" + CampaignModel.CAMPAIGN_PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(launch));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    driver.runJobs();
    String code = rest.get("office", "/engine-rest/process-instance/" + started.json().path("id").asText()).json()
        .path("businessKey").asText();
    submit("office", code, CampaignModel.Campaign.RECORD_MOBILIZATION,
        Map.of("opinionsIssuedOn", LocalDate.now().toString(),
            "opinionsTitle", "关于开展机关作风建设活动的实施意见", "mobilizationMeetingOn", LocalDate.now().toString(),
            "mobilizationMeetingNotes", "召开全县动员大会。"));
    driver.runJobs();
    submit("finance-liaison", code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN,
        Map.of("workPlan", "成立工作专班，分三个步骤开展自查自纠和整改，每周报告进展。",
            "workPlanLeader", "分管副局长"));

    // when
    JsonNode log = rest.get("auditor", "/campaign/api/review/campaigns/" + code + "/operation-log").json();

    // then: plain words with names, the unit's rows named by the unit, the office's by none
    String liaison = CampaignDriver.liaisonNameOf("dept-finance");
    assertThat(log).extracting(e -> e.path("text").asText() + "|" + e.path("departmentName").asText())
        .contains(liaison + "认领任务「制定工作方案」|县财政局", liaison + "办结任务「制定工作方案」|县财政局");
    assertThat(log).filteredOn(e -> e.path("text").asText().endsWith("办结任务「记录实施意见印发和动员大会」"))
        .isNotEmpty().allSatisfy(e -> {
          assertThat(e.path("department").isNull()).as(e.toString()).isTrue();
          assertThat(e.path("userName").asText()).isNotEqualTo("office");
        });
    assertThat(log).filteredOn(e -> e.path("processDefinitionKey").asText().equals(CampaignModel.CAMPAIGN_PROCESS))
        .isNotEmpty().allSatisfy(e -> assertThat(e.path("department").isNull()).as(e.toString()).isTrue());
  }

  private void submit(String user, String code, String taskDefinitionKey, Map<String, Object> values) {
    JsonNode tasks = rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
        + taskDefinitionKey).json();
    assertThat(tasks).as(user + " sees " + taskDefinitionKey).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    assertThat(rest.post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").status())
        .isEqualTo(204);
    CampaignRest.Reply reply = rest.post(user, "/engine-rest/task/" + taskId + "/submit-form",
        RestCampaignWalkthrough.form(values));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
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
}
