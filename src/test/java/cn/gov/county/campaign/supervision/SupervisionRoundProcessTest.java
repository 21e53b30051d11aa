package cn.gov.county.campaign.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervision office's semi-monthly round on a moved clock: the round's task offers the running
 * campaigns; the findings marked 立案 become supervision cases with their proposed measure.
 */
@CampaignIntegrationTest
class SupervisionRoundProcessTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  private CampaignDriver driver;
  private CampaignRest rest;

  @BeforeEach
  void setUp() {
    driver = new CampaignDriver(engine);
    rest = new CampaignRest(port);
  }

  @Test
  void aRoundsFindingsMarkedForACaseBecomeSupervisionCases() {
    // given: a running campaign without 东风街道, and the half month begins
    String code = driver.launch("半月督查演练", List.of("dept-dongfeng"));
    Job timer = driver.management.createJobQuery().processDefinitionKey(SupervisionModel.ROUND_PROCESS).timers().list()
        .stream()
        .filter(job -> job.getProcessInstanceId() == null) // the start timer, not a task's deadline timers
        .max((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
    Task round;
    try {
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
      driver.management.executeJob(timer.getId());
      round = driver.tasks.createTaskQuery().processDefinitionKey(SupervisionModel.ROUND_PROCESS)
          .taskDefinitionKey(SupervisionModel.RECORD_ROUND).singleResult();
    } finally {
      ClockUtil.reset();
    }
    assertThat(round).as("the half month's round, the only one").isNotNull();
    // then: the supervision office's task offers the running campaign
    assertThat(driver.tasks.getIdentityLinksForTask(round.getId()))
        .anyMatch(l -> "supervision-office".equals(l.getGroupId()));
    assertThat(rest
        .get("supervisor", "/engine-rest/task/" + round.getId() + "/variables/campaignOptions?deserializeValue=false")
        .body())
        .contains(code);

    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("checkMode", "unannounced");
    form.put("checkedBy", "杨帆、李明");
    form.put("checkedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    form.put("checkedUnits", List.of("dept-finance", "dept-market", "dept-dongfeng"));
    form.put("roundSummary", "暗访三个单位窗口，发现两个问题。");
    rest.post("supervisor", "/engine-rest/task/" + round.getId() + "/claim", "{\"userId\":\"supervisor\"}");

    // when: a finding names a unit that does not take part
    form.put("roundFindings", List.of(Map.of("findingDepartment", "dept-dongfeng", "findingText", "窗口无人",
        "findingSeriousness", "general", "openCase", true)));
    var refused = rest.post("supervisor", "/engine-rest/task/" + round.getId() + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("「发现的问题」第 1 行的单位未参加活动 " + code);

    // when: two findings, one marked 立案
    form.put("roundFindings", List.of(
        Map.of("findingDepartment", "dept-finance", "findingText", "窗口人员上班时间玩手机", "findingSeriousness", "serious",
            "openCase", true),
        Map.of("findingDepartment", "dept-market", "findingText", "办事指南未更新", "findingSeriousness", "general",
            "openCase", false)));
    var recorded = rest.post("supervisor", "/engine-rest/task/" + round.getId() + "/submit-form",
        RestCampaignWalkthrough.form(form));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    driver.runJobs();

    // then: one supervision case, from an unannounced check, with its proposed measure
    var cases = driver.runtime.createProcessInstanceQuery().processDefinitionKey(SupervisionModel.PROCESS)
        .variableValueEquals(SupervisionModel.CAMPAIGN_CODE, code).list();
    assertThat(cases).hasSize(1);
    String instance = cases.get(0).getId();
    assertThat(driver.runtime.getVariable(instance, SupervisionModel.DEPARTMENT)).isEqualTo("dept-finance");
    assertThat(driver.runtime.getVariable(instance, SupervisionModel.PROPOSED_MEASURE)).isEqualTo("supervisionNotice");
    assertThat((String) driver.runtime.getVariable(instance, "caseSummary")).contains("暗访", "杨帆、李明", "玩手机");
    assertThat(
        driver.tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(SupervisionModel.DECIDE_MEASURE)
            .count())
        .isEqualTo(1);
    assertThat(
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(round.getProcessInstanceId())
            .variableName(SupervisionModel.CASES_OPENED).singleResult().getValue())
        .isEqualTo(1);
  }
}
