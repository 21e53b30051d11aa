package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.escalation.AugustCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The head answers for the unit (seeds 001, 002: 一把手是第一责任人): what the liaison submits
 * reaches the office only after the unit head has approved it, on every path; and each problem's
 * measure names a target and a responsible person of the unit (seed 004: 明确整改目标).
 */
@CampaignIntegrationTest
class UnitHeadApprovalTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theHeadApprovesTheSelfInspectionReportBeforeTheOfficeSeesIt_andMayReturnIt() {
    // given: the finance bureau's liaison submits its self-inspection report
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 5), 10, 0));
    driver.doSelfInspection(code, "dept-finance", null);
    driver.complete(driver.open(code, CampaignModel.SelfInspection.SUBMIT_REPORT, "dept-finance"), "finance-liaison",
        Map.of("selfInspectionReport", "本单位对照活动清单逐项开展自查，征求服务对象意见，查找问题并分析原因，现将自查情况报告如下。"));

    // then: the office has nothing to review yet; the head has the report in his own inbox
    assertThat(driver.open(code, CampaignModel.SelfInspection.REVIEW_REPORT)).isEmpty();
    Task approval = driver.open(code, CampaignModel.SelfInspection.HEAD_APPROVES_REPORT, "dept-finance");
    assertThat(approval.getAssignee()).isEqualTo("finance-head");
    assertThat(approval.getName()).isEqualTo("单位主要负责人审核自查报告");
    JsonNode headsInbox = rest
        .get("finance-head", "/engine-rest/task?assignee=finance-head&processInstanceBusinessKey=" + code).json();
    assertThat(headsInbox).extracting(t -> t.path("id").asText()).contains(approval.getId());

    // and: the liaison cannot approve in the head's place, nor take the task over, by the REST API
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + approval.getId() + "/submit-form",
        form(Map.of("headDecision", "approved"))).status()).isIn(403, 404);
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + approval.getId() + "/assignee",
        "{\"userId\":\"finance-liaison\"}").status()).isIn(403, 404);
    assertThat(driver.open(code, CampaignModel.SelfInspection.REVIEW_REPORT)).isEmpty();

    // when: the head returns it without saying why, the clerk is told which field is missing
    var noReason = rest.post("finance-head", "/engine-rest/task/" + approval.getId() + "/submit-form",
        form(Map.of("headDecision", "returned")));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("退回理由");

    // when: he returns it with his opinion, the liaison's task comes back with it
    assertThat(rest.post("finance-head", "/engine-rest/task/" + approval.getId() + "/submit-form",
        form(Map.of("headDecision", "returned", "headOpinion", "请补充征求服务对象意见的情况。"))).status()).isEqualTo(204);
    driver.runJobs();
    Task again = driver.open(code, CampaignModel.SelfInspection.SUBMIT_REPORT, "dept-finance");
    assertThat(driver.tasks.getVariable(again.getId(), "headOpinion")).isEqualTo("请补充征求服务对象意见的情况。");
    assertThat(driver.open(code, CampaignModel.SelfInspection.REVIEW_REPORT)).isEmpty();

    // when: the liaison resubmits and the head approves
    driver.submitReport(code, "dept-finance");

    // then: the office reviews it
    Task review = driver.open(code, CampaignModel.SelfInspection.REVIEW_REPORT, "dept-finance");
    assertThat(review).isNotNull();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(review.getProcessInstanceId())
        .taskDefinitionKey(CampaignModel.SelfInspection.HEAD_APPROVES_REPORT).taskAssignee("finance-head").finished()
        .count())
        .isEqualTo(2);
  }

  @Test
  void aMeasureNamesItsTargetAndAResponsiblePersonOfTheUnit() {
    // given: a problem of the finance bureau waiting for its measure
    String code = AugustCampaign.launch(driver, List.of("dept-finance"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 5), 10, 0));
    driver.doSelfInspection(code, "dept-finance", "窗口服务态度生硬，群众办事等候时间长");
    driver.submitReport(code, "dept-finance");
    driver.reviewReport(code, "dept-finance", "accepted");
    Task measure = driver.open(code, CampaignModel.RectificationItem.DEFINE_MEASURE, "dept-finance");
    rest.post("finance-liaison", "/engine-rest/task/" + measure.getId() + "/claim", "{\"userId\":\"finance-liaison\"}");

    // then: the form offers the unit's people to choose from
    JsonNode form = rest.get("finance-liaison", "/engine-rest/task/" + measure.getId() + "/deployed-form").json();
    JsonNode responsible = form.findParents("key").stream().filter(f -> "responsible".equals(f.path("key").asText()))
        .findFirst().orElseThrow();
    assertThat(responsible.path("values")).extracting(v -> v.path("value").asText()).contains("王敏", "郑国平")
        .doesNotContain("何静");

    // when: a person of another unit, or no target, is sent
    var stranger = rest.post("finance-liaison", "/engine-rest/task/" + measure.getId() + "/submit-form", form(Map.of(
        "measure", "开展窗口服务礼仪培训", "target", "窗口服务群众满意率达到95%以上", "responsible", "何静",
        "rectificationDeadline", LocalDate.of(2026, 8, 25).toString())));
    var noTarget = rest.post("finance-liaison", "/engine-rest/task/" + measure.getId() + "/submit-form", form(Map.of(
        "measure", "开展窗口服务礼仪培训", "responsible", "王敏", "rectificationDeadline", LocalDate.of(2026, 8, 25).toString())));

    // then: both are refused, naming the field, and the task stays open
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.body()).contains("责任人").contains("不是本单位人员");
    assertThat(noTarget.status()).isEqualTo(400);
    assertThat(noTarget.body()).contains("整改目标和标准");
    assertThat(driver.tasks.createTaskQuery().taskId(measure.getId()).count()).isEqualTo(1);

    // when: a person of the unit and a target are given, the problem carries them
    assertThat(rest.post("finance-liaison", "/engine-rest/task/" + measure.getId() + "/submit-form", form(Map.of(
        "measure", "开展窗口服务礼仪培训", "target", "窗口服务群众满意率达到95%以上", "responsible", "王敏",
        "rectificationDeadline", LocalDate.of(2026, 8, 25).toString()))).status()).isEqualTo(204);
    assertThat(driver.runtime.getVariable(measure.getProcessInstanceId(), "target")).isEqualTo("窗口服务群众满意率达到95%以上");
  }

  private static String form(Map<String, Object> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    values.forEach((name, value) -> variables.putObject(name).put("type", "String").put("value", (String) value));
    return root.toString();
  }
}
