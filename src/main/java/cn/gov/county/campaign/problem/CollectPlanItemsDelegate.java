package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.JsonVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The department's rectification plan is the current list of all its open problems, whenever they
 * were found: one row each, with the measure, the person responsible and the deadline it has so far
 * (empty while its task 制定整改措施 is open).
 */
@Component
class CollectPlanItemsDelegate implements JavaDelegate {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  CollectPlanItemsDelegate(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    String department = (String) execution.getVariable(CampaignModel.DEPARTMENT);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ProcessInstance item : register.openItems(campaignCode, department)) {
      Map<String, Object> variables = runtimeService.getVariables(item.getId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("problemCode", variables.get("problemCode"));
      row.put("description", variables.get("sourceLabel") + "：" + variables.get("description"));
      row.put("measure", text(variables.get("measure")));
      row.put("target", text(variables.get("target")));
      row.put("responsible", text(variables.get("responsible")));
      row.put("deadline", text(variables.get("rectificationDeadline")));
      rows.add(row);
    }
    execution.setVariable("planItems", JsonVariables.of(rows));
    execution.setVariable("planItemCount", rows.size());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
