package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A research finding the office recorded becomes a problem of the department it concerns. */
@Component
class RegisterResearchFindingDelegate implements JavaDelegate {

  private final ProblemRegister register;

  RegisterResearchFindingDelegate(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> codes = register.register((String) execution.getVariable(CampaignModel.CAMPAIGN_CODE),
        List.of(new ProblemRegister.NewProblem(
            (String) execution.getVariable("findingDepartment"),
            ProblemSource.valueOf((String) execution.getVariable("findingSource")),
            (String) execution.getVariable("findingDescription"),
            (String) execution.getVariable("findingCause"),
            null)));
    execution.setVariable("lastResearchProblemCode", codes.get(0));
    // the next round of the form starts empty; history keeps every finding
    execution.setVariable("findingDepartment", null);
    execution.setVariable("findingSource", null);
    execution.setVariable("findingDescription", null);
    execution.setVariable("findingCause", null);
  }
}
