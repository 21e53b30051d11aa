package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A problem the office or discipline inspection assigns to a department at any time (边查边改). */
@Component
class RegisterAssignedProblemDelegate implements JavaDelegate {

  private final ProblemRegister register;

  RegisterAssignedProblemDelegate(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    execution.setProcessBusinessKey(campaignCode);
    List<String> codes = register.register(campaignCode, List.of(new ProblemRegister.NewProblem(
        (String) execution.getVariable("problemDepartment"),
        ProblemSource.valueOf((String) execution.getVariable("problemSource")),
        (String) execution.getVariable("problemDescription"),
        (String) execution.getVariable("problemCause"),
        null)));
    execution.setVariable("problemCode", codes.get(0));
  }
}
