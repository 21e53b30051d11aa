package cn.gov.county.campaign.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.EscalationModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.TasklistSession;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.DeadlineWatch;
import cn.gov.county.campaign.notice.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import cn.gov.county.campaign.escalation.AugustCampaign;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /campaign/api/tasks/{id}/urgency}: what the finance bureau's overdue, urged work plan
 * tells its card and its form, and who may ask (the bureau's liaison and head, the office, the
 * auditor; the market bureau and strangers may not even learn it exists).
 * Also the unit and campaign every task's description now starts with.
 */
@CampaignIntegrationTest
class UrgencyRestTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  DeadlineWatch watch;

  @Autowired
  Notices notices;

  @Autowired
  TaskCardBackfill backfill;

  @Autowired
  FilterService filters;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTellOverdueDaysAndNoticesReceived_onlyToWhoMayReadTheTask() {
    // given
    CampaignDriver campaign = new CampaignDriver(engine);
    UrgedCampaign urged = UrgedCampaign.prepare(campaign, watch, notices);
    CampaignRest rest = new CampaignRest(port);
    String path = "/campaign/api/tasks/" + urged.financePlan().getId() + "/urgency";

    // when: the finance bureau's liaison asks (Basic, as a script would)
    CampaignRest.Reply reply = rest.get("finance-liaison", path);

    // then: overdue two working days (Friday 21 and Monday 24 August), the reminder received
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("state").asText()).isEqualTo("overdue");
    assertThat(body.path("workingDaysOverdue").asInt()).isEqualTo(2);
    assertThat(body.path("label").asText()).isEqualTo("县财政局 · " + UrgedCampaign.NAME + "（" + urged.code() + "）");
    assertThat(body.path("dueDateLabel").asText()).isEqualTo("2026年8月20日23:59");
    assertThat(body.path("notices")).hasSize(1);
    JsonNode notice = body.path("notices").get(0);
    assertThat(notice.path("number").asText()).isEqualTo(urged.reminder().number());
    assertThat(notice.path("kind").asText()).isEqualTo("催办通知");
    assertThat(notice.path("url").asText()).isEqualTo(urged.reminder().url());
    assertThat(body.path("summary").asText()).isEqualTo("已逾期2个工作日 · 已收到《" + urged.reminder().title() + "》（"
        + urged.reminder().number() + "）");

    // the same in the browser's session, and for the head, the office and the auditor
    assertThat(TasklistSession.login(port, "finance-liaison").get(path).status()).isEqualTo(200);
    for (String reader : new String[]{"finance-head", "office", "auditor"}) {
      CampaignRest.Reply read = rest.get(reader, path);
      assertThat(read.status()).as(reader).isEqualTo(200);
      assertThat(read.json().path("notices")).as(reader).hasSize(1);
    }

    // another department: the task does not exist for it, nor in the browser's session
    CampaignRest.Reply other = rest.get("market-liaison", path);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).contains("任务不存在").doesNotContain(urged.reminder().number());
    assertThat(TasklistSession.login(port, "market-liaison").get(path).status()).isEqualTo(404);
    assertThat(rest.get("finance-liaison", "/campaign/api/tasks/no-such-task/urgency").status()).isEqualTo(404);

    // the market bureau's own plan: overdue, no notice received yet (its reminder is not signed)
    JsonNode market = rest.get("market-liaison", "/campaign/api/tasks/" + urged.marketPlan().getId() + "/urgency")
        .json();
    assertThat(market.path("state").asText()).isEqualTo("overdue");
    assertThat(market.path("notices")).isEmpty();
    assertThat(market.path("label").asText()).startsWith("县市场监督管理局 · ");
  }

  @Test
  void shouldLabelEveryTaskWithUnitAndCampaign_andBackfillTasksCreatedBefore() {
    // given
    CampaignDriver campaign = new CampaignDriver(engine);
    UrgedCampaign urged = UrgedCampaign.prepare(campaign, watch, notices);
    Task plan = campaign.tasks.createTaskQuery().taskId(urged.financePlan().getId()).singleResult();
    String label = "县财政局 · " + UrgedCampaign.NAME + "（" + urged.code() + "）";
    assertThat(plan.getDescription()).startsWith(label);
    // the supervision office's reminder for the market bureau's plan says which unit it concerns
    Task reminder = campaign.tasks.createTaskQuery().processInstanceBusinessKey(urged.code())
        .taskDefinitionKey(EscalationModel.ISSUE_REMINDER).singleResult();
    assertThat(reminder.getDescription()).startsWith("县市场监督管理局 · ").contains(urged.code());

    // when: a task from before this version has no such line, and the application starts
    plan.setDescription(null);
    campaign.tasks.saveTask(plan);
    backfill.backfill();

    // then
    assertThat(campaign.tasks.createTaskQuery().taskId(plan.getId()).singleResult().getDescription()).isEqualTo(label);
  }

  @Test
  void shouldTellDueSoon_andDropTheCampaignsFilterWhenTheCampaignEnds() {
    // given: the finance bureau's work plan inside its warning window (follow-up date reached)
    CampaignDriver campaign = new CampaignDriver(engine);
    String code = AugustCampaign.launch(campaign, List.of("dept-finance"));
    Task plan = campaign.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    ClockUtil.setCurrentTime(new Date(plan.getFollowUpDate().getTime() + 60_000));

    // when
    JsonNode body = new CampaignRest(port).get("finance-liaison", "/campaign/api/tasks/" + plan.getId() + "/urgency")
        .json();

    // then
    assertThat(body.path("state").asText()).isEqualTo("due-soon");
    assertThat(body.path("summary").asText()).isEqualTo("即将到期（办理时限2026年8月20日23:59）");
    String filterName = "整改活动：" + UrgedCampaign.NAME + "（" + code + "）";
    assertThat(filters.createFilterQuery().filterName(filterName).count()).isOne();
    assertThat(new CampaignRest(port).get("finance-liaison", "/engine-rest/filter?resourceType=Task").json()
        .findValuesAsText("name")).contains(filterName);

    // when: the campaign ends (here: cancelled by the administrator)
    String campaignId = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).processInstanceBusinessKey(code).singleResult().getId();
    engine.getRuntimeService().deleteProcessInstance(campaignId, "测试：活动结束");

    // then: its filter is gone, and start-up does not bring it back
    assertThat(filters.createFilterQuery().filterName(filterName).count()).isZero();
    backfill.backfill();
    assertThat(filters.createFilterQuery().filterName(filterName).count()).isZero();
  }
}
