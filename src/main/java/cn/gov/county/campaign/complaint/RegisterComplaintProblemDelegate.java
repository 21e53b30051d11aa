package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.problem.ProblemSource;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A substantiated complaint becomes a problem of the department (source 群众投诉) and joins its
 * rectification like any other problem. When the campaign has ended (or was cancelled) while the
 * complaint was being verified there is no rectification left to join: {@value ComplaintModel#CAMPAIGN_NOT_RUNNING_ERROR}.
 */
@Component
class RegisterComplaintProblemDelegate implements JavaDelegate {

  private final ProblemRegister register;
  private final ComplaintCampaigns campaigns;

  RegisterComplaintProblemDelegate(ProblemRegister register, ComplaintCampaigns campaigns) {
    this.register = register;
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(ComplaintModel.CAMPAIGN_CODE);
    if (!campaigns.isRunning(campaignCode)) {
      throw new BpmnError(ComplaintModel.CAMPAIGN_NOT_RUNNING_ERROR, "整改活动 " + campaignCode + " 已不在进行中");
    }
    String description = "投诉举报 " + execution.getVariable(ComplaintModel.NUMBER)
        + "（" + execution.getVariable(ComplaintModel.SOURCE_LABEL) + "，"
        + execution.getVariable(ComplaintModel.RECEIVED_ON)
        + " 受理）：" + execution.getVariable(ComplaintModel.CONTENT)
        + "\n核实情况：" + execution.getVariable(ComplaintModel.REASON);
    List<String> codes = register.register(campaignCode, List.of(new ProblemRegister.NewProblem(
        (String) execution.getVariable(ComplaintModel.DEPARTMENT), ProblemSource.complaint, description, "", null)));
    execution.setVariable(ComplaintModel.PROBLEM_CODE, codes.get(0));
  }
}
