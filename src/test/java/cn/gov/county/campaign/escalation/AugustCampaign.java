package cn.gov.county.campaign.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.survey.SurveyModel;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

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
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
        "opinionsIssuedOn", "2026-08-03", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", "2026-08-03", "mobilizationMeetingNotes", "全县动员大会。"));
    for (String department : participants) {
      assertThat(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, department).getDueDate())
          .isEqualTo(endOf(REPORT_DUE));
    }
    return code;
  }

  public static Date at(LocalDate day, int hour, int minute) {
    return Date.from(day.atTime(hour, minute).atZone(CampaignDates.CHINA).toInstant());
  }

  /**
   * A counted survey round on 2026-08-24 that puts the finance bureau last among government
   * departments; the joint meeting confirms only its admonishment talk, the office records the
   * publication, and discipline inspection holds the talk
   * (through the engine's API, as a script would). Answers the round's process instance id.
   */
  public static String surveyPuttingFinanceLast(CampaignDriver driver, String code) {
    TaskService tasks = driver.tasks;
    String round = driver.runtime.startProcessInstanceByKey(SurveyModel.PROCESS, Map.of(
        "campaignCode", code, "surveyRoundName", "第二次作风建设满意度测评", "surveyDate", "2026-08-24",
        "surveyScale", "standard", "countsForConsequences", true)).getId();
    Task entry = tasks.createTaskQuery().processInstanceId(round).taskDefinitionKey(SurveyModel.ENTRY_TASK)
        .singleResult();
    ArrayNode rows = (ArrayNode) JsonVariables
        .toJson(tasks.getVariableTyped(entry.getId(), SurveyModel.RESULTS, false));
    Map<String, int[]> counts = Map.of("dept-devreform", new int[]{80, 15, 5, 0}, "dept-finance",
        new int[]{60, 30, 10, 0},
        "dept-market", new int[]{70, 20, 10, 0}, "dept-education", new int[]{57, 35, 8, 0});
    rows.forEach(row -> {
      int[] c = counts.get(row.path("department").asText());
      if (c != null) {
        ((ObjectNode) row).put("satisfied", c[0]).put("basicallySatisfied", c[1]).put("dissatisfied", c[2])
            .put("unknown", c[3]);
      }
    });
    driver.complete(entry, "office", Map.of("surveyResults", JsonVariables.of(rows)));
    Task confirm = tasks.createTaskQuery().processInstanceId(round)
        .taskDefinitionKey(SurveyModel.CONFIRM_CONSEQUENCES_TASK)
        .singleResult();
    ArrayNode proposed = (ArrayNode) JsonVariables
        .toJson(tasks.getVariableTyped(confirm.getId(), SurveyModel.PROPOSED, false));
    proposed.forEach(p -> ((ObjectNode) p)
        .put("decision", "dept-finance".equals(p.path("department").asText()) ? "confirm" : "reject")
        .put("reason", "经联席会议审定暂不启动"));
    driver.complete(confirm, "leader", Map.of("proposedConsequences", JsonVariables.of(proposed),
        "jointMeetingDate", "2026-08-24", "jointMeetingParticipants", "领导小组成员单位负责同志",
        "jointMeetingDecision", "同意测评结果，在县级主流媒体上公布。"));
    // the joint meeting's approval is published in the county's media before the consequences start
    Task publication = tasks.createTaskQuery().processInstanceId(round).taskDefinitionKey(SurveyModel.PUBLICATION_TASK)
        .singleResult();
    driver.complete(publication, "office", Map.of("publicationMedium", "示范县融媒体中心", "publicationDate", "2026-08-24",
        "publicationContent", "第二次作风建设满意度测评结果"));
    Task talk = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(EscalationModel.HOLD_ADMONISHMENT_TALK)
        .singleResult();
    driver.complete(talk, "inspector", Map.of("escalationDecision", "issue", "talkDate", "2026-08-26",
        "selfCriticismRequired", false));
    return round;
  }

  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(CampaignDates.CHINA).toInstant());
  }
}
