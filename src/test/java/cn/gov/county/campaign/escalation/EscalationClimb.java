package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Lets the days of an {@link AugustCampaign} pass while its ladders climb: each morning the jobs
 * that are due run; each issuing body approves the step it is asked for; the department answers
 * the supervision notice and the unit head writes the self-criticism the talk required.
 */
final class EscalationClimb {

  /** Who works each issuing body's step in Tasklist. */
  static final Map<String, String> ISSUER = Map.of(EscalationModel.ISSUE_REMINDER, "supervisor",
      EscalationModel.ISSUE_SUPERVISION_NOTICE, "supervisor", EscalationModel.ISSUE_NAMED_CRITICISM, "office",
      EscalationModel.HOLD_ADMONISHMENT_TALK, "inspector", EscalationModel.RECOMMEND_ORGANIZATIONAL_HANDLING, "orgdept",
      EscalationModel.REPORT_TO_SUPERIOR, "office");

  private EscalationClimb() {
  }

  /**
   * @param eachMorning run at 09:30 of every day before the due jobs (the deadline watch's scan
   *     where no job executor runs)
   * @param drivers the users' way in, taken in turn (several where several nodes serve them)
   * @return per department, "day step" for every step issued
   */
  static Map<String, List<String>> climb(String code, LocalDate first, LocalDate last, Runnable eachMorning,
      CampaignDriver... drivers) {
    Map<String, List<String>> issued = new LinkedHashMap<>();
    int turn = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      ClockUtil.setCurrentTime(AugustCampaign.at(day, 9, 30));
      eachMorning.run();
      drivers[0].runJobs();
      for (Task step : escalationTasks(drivers[0], code)) {
        CampaignDriver driver = drivers[turn++ % drivers.length];
        String department = (String) driver.tasks.getVariable(step.getId(), EscalationModel.DEPARTMENT);
        String key = step.getTaskDefinitionKey();
        if (ISSUER.containsKey(key)) {
          Map<String, Object> form = new HashMap<>(Map.of("escalationDecision", "issue",
              "noticeTitle", driver.tasks.getVariable(step.getId(), EscalationModel.NOTICE_TITLE),
              "noticeBody", driver.tasks.getVariable(step.getId(), "noticeBody")));
          if (key.equals(EscalationModel.HOLD_ADMONISHMENT_TALK)) {
            form.put("talkDate", day.toString());
            form.put("selfCriticismRequired", true);
          }
          issued.computeIfAbsent(department, d -> new ArrayList<>())
              .add(day + " " + driver.tasks.getVariable(step.getId(), "escalationStepLabel"));
          driver.complete(step, ISSUER.get(key), form);
        } else if (key.equals(EscalationModel.SUBMIT_FEEDBACK)) {
          driver.complete(step, CampaignDriver.liaisonOf(department), Map.of("feedbackCause", "人员紧张，工作推进迟缓。",
              "feedbackProgress", "已明确专人负责，正在起草。", "feedbackPromisedDate", day.plusDays(7).toString()));
        } else if (key.equals(EscalationModel.WRITE_SELF_CRITICISM)) {
          driver.complete(step, CampaignDriver.headOf(department), Map.of("selfCriticism", "本人对工作推进不力负主要责任。"));
        }
      }
    }
    return issued;
  }

  static List<Task> escalationTasks(CampaignDriver driver, String code) {
    return driver.tasks.createTaskQuery().processDefinitionKey(EscalationModel.PROCESS)
        .processInstanceBusinessKey(code).orderByTaskCreateTime().asc().list();
  }
}
