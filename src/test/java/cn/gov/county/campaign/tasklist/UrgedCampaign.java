package cn.gov.county.campaign.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.escalation.EscalationModel;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.escalation.AugustCampaign;
import cn.gov.county.campaign.escalation.DeadlineWatch;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.Notices;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The August campaign of the finance and market bureaus on Monday 24 August 2026, 10:00: both
 * work plans were due on Thursday 20 August; the supervision office has issued the finance
 * bureau a numbered 催办通知 for its plan (signed on Friday). Leaves the engine clock on Monday.
 */
record UrgedCampaign(String code, Task financePlan, Task marketPlan, IssuedNotice reminder) {

  static final String NAME = "2026年机关作风建设活动";

  static UrgedCampaign prepare(CampaignDriver campaign, DeadlineWatch watch, Notices notices) {
    String code = AugustCampaign.launch(campaign, List.of("dept-finance", "dept-market"));
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 21), 9, 30));
    watch.scan();
    campaign.runJobs();
    Task financePlan = campaign.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance");
    Task marketPlan = campaign.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-market");
    Task reminderTask = campaign.tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(EscalationModel.ISSUE_REMINDER)
        .processVariableValueEquals(EscalationModel.OVERDUE_TASK_ID, financePlan.getId())
        .singleResult();
    campaign.complete(reminderTask, "supervisor", Map.of("escalationDecision", "issue"));
    campaign.runJobs();
    List<IssuedNotice> issued = notices.ofCampaign(code, "dept-finance");
    assertThat(issued).hasSize(1);
    ClockUtil.setCurrentTime(AugustCampaign.at(LocalDate.of(2026, 8, 24), 10, 0));
    return new UrgedCampaign(code, financePlan, marketPlan, issued.get(0));
  }
}
