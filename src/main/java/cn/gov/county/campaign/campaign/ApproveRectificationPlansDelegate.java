package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The special meeting has approved the plans: deadlines it adjusted are applied, and every
 * waiting problem of the campaign moves on to rectification. Problems registered from now on
 * start rectification at once (边查边改).
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
        register.item(campaignCode, JsonVariables.text(adjustment, "problemCode")).ifPresent(item ->
            runtimeService.setVariable(item.getId(), "rectificationDeadline", JsonVariables.text(adjustment, "newDeadline")));
      }
    }
    execution.setVariable(CampaignModel.PLANS_APPROVED, true);
    runtimeService.createMessageCorrelation(CampaignModel.PLAN_APPROVED_MESSAGE)
        .processInstanceBusinessKey(campaignCode)
        .correlateAll();
  }
}
