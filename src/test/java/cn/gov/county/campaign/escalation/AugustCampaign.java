package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.CampaignDates;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A campaign in August 2026 on the engine clock, as seed 001 runs it: launched and mobilized on
 * Monday 2026-08-03, the self-inspection report due on Thursday 2026-08-20.
 */
public final class AugustCampaign {

  public static final LocalDate REPORT_DUE = LocalDate.of(2026, 8, 20);

  public static final List<String> ALL = List.of("dept-propaganda", "dept-union", "dept-devreform", "dept-finance",
      "dept-market", "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng");

  private AugustCampaign() {
  }

  /** @return the campaign code; the participants are waiting at 制定工作方案 */
  public static String launch(CampaignDriver driver, List<String> participants) {
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 8, 3), 9, 0));
    Map<String, Object> form = new HashMap<>(CampaignDriver.launchForm("2026年机关作风建设活动",
        ALL.stream().filter(d -> !participants.contains(d)).toList()));
    form.putAll(Map.of("mobilizationStart", "2026-08-03", "mobilizationEnd", "2026-08-14",
        "discussionStart", "2026-08-03", "discussionEnd", "2026-08-12", "selfInspectionDueDate", REPORT_DUE.toString(),
        "researchStart", "2026-08-17", "researchEnd", "2026-08-28", "rectificationStart", "2026-08-31",
        "rectificationEnd", "2026-09-18"));
    form.putAll(Map.of("consolidationStart", "2026-09-21", "consolidationEnd", "2026-09-30"));
    String campaignId = driver.runtime.startProcessInstanceByKey(CampaignModel.CAMPAIGN_PROCESS, form).getId();
    driver.runJobs();
    String code = (String) driver.runtime.getVariable(campaignId, CampaignModel.CAMPAIGN_CODE);
    driver.complete(driver.open(code, "UserTask_RecordMobilization").get(0), "office", Map.of(
        "opinionsIssuedOn", "2026-08-03", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", "2026-08-03", "mobilizationMeetingNotes", "全县动员大会。"));
    for (String department : participants) {
      assertThat(driver.open(code, "UserTask_DraftWorkPlan", department).getDueDate()).isEqualTo(endOf(REPORT_DUE));
    }
    return code;
  }

  public static Date at(LocalDate day, int hour, int minute) {
    return Date.from(day.atTime(hour, minute).atZone(CampaignDates.CHINA).toInstant());
  }

  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(CampaignDates.CHINA).toInstant());
  }
}
