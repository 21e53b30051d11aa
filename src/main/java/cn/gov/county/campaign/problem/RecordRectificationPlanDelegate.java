package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Each row of the submitted plan gives its problem a measure, a responsible person and a deadline:
 * a problem whose task 制定整改措施 is still open has it done by the plan; one that had a measure
 * gets the plan's (see ProblemRegister#setMeasure).
 */
@Component
class RecordRectificationPlanDelegate implements JavaDelegate {

  private final ProblemRegister register;

  RecordRectificationPlanDelegate(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    for (JsonNode row : JsonVariables.read(execution, "planItems")) {
      register.setMeasure(campaignCode, JsonVariables.text(row, "problemCode"), JsonVariables.text(row, "measure"),
          JsonVariables.text(row, "target"), JsonVariables.text(row, "responsible"),
          JsonVariables.text(row, "deadline"));
    }
  }
}
