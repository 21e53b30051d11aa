package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Each row of the submitted plan gives its problem a measure, a responsible person and a deadline. */
@Component
class RecordRectificationPlanDelegate implements JavaDelegate {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  RecordRectificationPlanDelegate(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    for (JsonNode row : JsonVariables.read(execution, "planItems")) {
      register.item(campaignCode, JsonVariables.text(row, "problemCode")).ifPresent(item ->
          runtimeService.setVariables(item.getId(), Map.of(
              "measure", JsonVariables.text(row, "measure"),
              "responsible", JsonVariables.text(row, "responsible"),
              "rectificationDeadline", JsonVariables.text(row, "deadline"))));
    }
  }
}
