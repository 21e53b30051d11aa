package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.complaint.ComplaintModel;
import cn.gov.county.campaign.evaluation.EvaluationModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.bulletin.BulletinModel;
import com.fasterxml.jackson.databind.JsonNode;
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
 * The demo users drive campaigns through /engine-rest as Tasklist would: a small campaign from
 * launch to closing ({@link RestCampaignWalkthrough}), and a problem assigned with a start form.
 */
@CampaignIntegrationTest
class CampaignRestWalkthroughTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryService historyService;

  private CampaignRest rest;
  private CampaignDriver jobs;

  @BeforeEach
  void setUp() {
    rest = new CampaignRest(port);
    jobs = new CampaignDriver(engine);
  }

  @Test
  void disciplineInspectionAssignsAProblemWithTheStartForm_onlyToARunningCampaign() {
    // given
    String code = jobs.launch("问题交办演练", List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-market",
        "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng"));
    Map<String, Object> assignment = new LinkedHashMap<>();
    assignment.put("campaignCode", code);
    assignment.put("problemDepartment", "dept-finance");
    assignment.put("problemSource", "spotCheck");
    assignment.put("problemDescription", "明查暗访发现窗口人员脱岗");
    assignment.put("problemCause", "");
    // when
    var unknownCampaign = rest
        .post("inspector",
            "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/submit-form",
            RestCampaignWalkthrough.form(Map.of("campaignCode", "ZG-0000-NONE", "problemDepartment", "dept-finance",
                "problemSource", "spotCheck",
                "problemDescription", "无", "problemCause", "")));
    var notTakingPart = new LinkedHashMap<>(assignment);
    notTakingPart.put("problemDepartment", "dept-market");
    var outsider = rest.post("inspector",
        "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(notTakingPart));
    var assigned = rest.post("inspector",
        "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(assignment));
    jobs.runJobs();
    // then
    assertThat(unknownCampaign.status()).isEqualTo(400);
    assertThat(unknownCampaign.body()).contains("「活动编号」ZG-0000-NONE 不是正在进行的整改活动");
    assertThat(outsider.status()).isEqualTo(400);
    assertThat(outsider.body()).contains("「责任部门」未参加活动");
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
        .processInstanceBusinessKey(code).variableValueEquals("source", "spotCheck").count()).isEqualTo(1);
    assertThat(rest.post("finance-liaison",
        "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/submit-form",
        RestCampaignWalkthrough.form(assignment)).status()).isEqualTo(403);
  }

  @Test
  void startFormsOfferTheCampaignsToPick_inTasklistAndThroughTheRestApi() {
    // given: a running campaign
    String code = jobs.launch("选择活动演练", List.of());
    // when: the office opens the start forms that name a campaign
    TasklistSession tasklist = TasklistSession.login(port, "office");
    Map<String, String> inTasklist = campaignOptions(tasklist.get(TasklistSession.ENGINE_API
        + "/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/deployed-start-form"));
    Map<String, String> problem = campaignOptions(rest.get("inspector",
        "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/deployed-start-form"));
    Map<String, String> complaint = campaignOptions(rest.get("office",
        "/engine-rest/process-definition/key/" + ComplaintModel.PROCESS + "/deployed-start-form"));
    Map<String, String> evaluation = campaignOptions(rest.get("office",
        "/engine-rest/process-definition/key/" + EvaluationModel.PROCESS + "/deployed-start-form"));
    // then: the campaign is there by name and code, its code is the value
    assertThat(inTasklist).containsEntry(code, "选择活动演练（" + code + "）");
    assertThat(problem).containsEntry(code, "选择活动演练（" + code + "）");
    assertThat(complaint).containsEntry(code, "选择活动演练（" + code + "）");
    assertThat(evaluation).containsEntry(code, "选择活动演练（" + code + "）");

    // when: the campaign has ended
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).list()
        .forEach(
            i -> engine.getRuntimeService().deleteProcessInstanceIfExists(i.getId(), "测试结束", true, true, true, true));
    // then: a problem or complaint can no longer name it; a democratic evaluation still can
    assertThat(campaignOptions(rest.get("inspector",
        "/engine-rest/process-definition/key/" + CampaignModel.PROBLEM_ASSIGNMENT_PROCESS + "/deployed-start-form")))
        .doesNotContainKey(code);
    assertThat(campaignOptions(rest.get("office",
        "/engine-rest/process-definition/key/" + EvaluationModel.PROCESS + "/deployed-start-form")))
        .containsEntry(code, "选择活动演练（" + code + "）（已结束）");
  }

  /** The options of a start form's campaign field, value → label. */
  private static Map<String, String> campaignOptions(CampaignRest.Reply form) {
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    JsonNode field = form.json().findParents("key").stream()
        .filter(c -> "campaignCode".equals(c.path("key").asText())).findFirst().orElseThrow();
    assertThat(field.path("type").asText()).isEqualTo("select");
    Map<String, String> options = new LinkedHashMap<>();
    field.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
    return options;
  }

  @Test
  void demoUsersRunASmallCampaignThroughTheRestApi() {
    String code = new RestCampaignWalkthrough(rest, engine).runToTheEnd("REST 演练活动");

    // then: the whole campaign is finished and in history, readable by the auditor
    // (the walkthrough's dates pass a month's start: a monthly bulletin or quarterly report may wait for the office's approval)
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKeyNotIn(BulletinModel.REPORTS).unfinished().count()).isZero();
    JsonNode audited = rest.get("auditor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + code)
        .json();
    assertThat(audited.findValuesAsText("processDefinitionKey")).contains(CampaignModel.CAMPAIGN_PROCESS,
        CampaignModel.SELF_INSPECTION_PROCESS, CampaignModel.RECTIFICATION_PLAN_PROCESS,
        CampaignModel.RECTIFICATION_ITEM_PROCESS,
        CampaignModel.CONSOLIDATION_PROCESS);
    // and: the ended campaign's Tasklist filter is gone
    assertThat(engine.getFilterService().createFilterQuery().filterName("整改活动：REST 演练活动（" + code + "）").count())
        .as("the ended campaign's filter").isZero();
  }
}
