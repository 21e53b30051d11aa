package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Once the office accepts a self-inspection report, every problem the department found goes on its list. */
@Component
class RegisterSelfInspectionProblemsDelegate implements JavaDelegate {

  private final ProblemRegister register;

  RegisterSelfInspectionProblemsDelegate(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = (String) execution.getVariable(CampaignModel.DEPARTMENT);
    List<ProblemRegister.NewProblem> problems = new ArrayList<>();
    for (JsonNode row : JsonVariables.read(execution, "selfInspection")) {
      String problem = JsonVariables.text(row, "problem");
      if (row.path("applies").asBoolean(false) && !problem.isBlank()) {
        problems.add(new ProblemRegister.NewProblem(department, ProblemSource.selfInspection, problem,
            JsonVariables.text(row, "cause"), JsonVariables.text(row, "text")));
      }
    }
    List<String> codes = register.register((String) execution.getVariable(CampaignModel.CAMPAIGN_CODE), problems);
    execution.setVariable("selfInspectionProblemCount", codes.size());
  }
}
