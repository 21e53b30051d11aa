package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The special meeting has approved the plans: the deadlines it adjusted apply to those problems
 * and their open tasks (ProblemRegister#setDeadline). Problems are rectified as they are found
 * (边查边改), so none waits for the meeting; the message still releases the problems of campaigns
 * launched on a model from before, which did wait.
 */
@Component
class ApproveRectificationPlansDelegate implements JavaDelegate {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  ApproveRectificationPlansDelegate(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    if ("adjusted".equals(execution.getVariable("meetingDecision"))) {
      for (JsonNode adjustment : JsonVariables.read(execution, "deadlineAdjustments")) {
        String newDeadline = JsonVariables.text(adjustment, "newDeadline");
        if (newDeadline != null && !newDeadline.isBlank()) {
          register.setDeadline(campaignCode, JsonVariables.text(adjustment, "problemCode"), newDeadline);
        }
      }
    }
    execution.setVariable(CampaignModel.PLANS_APPROVED, true);
    runtimeService.createMessageCorrelation(CampaignModel.PLAN_APPROVED_MESSAGE)
        .processInstanceBusinessKey(campaignCode)
        .correlateAll();
  }
}
