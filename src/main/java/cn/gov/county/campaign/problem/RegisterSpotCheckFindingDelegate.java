package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A spot-check finding becomes a problem of the department that was checked. */
@Component
class RegisterSpotCheckFindingDelegate implements JavaDelegate {

  private final ProblemRegister register;

  RegisterSpotCheckFindingDelegate(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> codes = register.register((String) execution.getVariable(CampaignModel.CAMPAIGN_CODE),
        List.of(new ProblemRegister.NewProblem(
            (String) execution.getVariable("spotCheckDepartment"),
            ProblemSource.spotCheck,
            (String) execution.getVariable("spotCheckFinding"),
            (String) execution.getVariable("spotCheckCause"),
            null)));
    execution.setVariableLocal("lastSpotCheckProblemCode", codes.get(0));
    // the next round of the form starts empty; history keeps every finding
    execution.setVariable("spotCheckFinding", null);
    execution.setVariable("spotCheckCause", null);
  }
}
