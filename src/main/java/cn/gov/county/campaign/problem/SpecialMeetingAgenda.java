package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.JsonVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The special meeting's list to choose from: every open problem of the campaign with its
 * department, what it is and its deadline so far. The leading group picks the problems whose
 * deadlines it adjusts by filling in their rows; nobody types a problem code.
 */
@Component("specialMeetingAgenda")
class SpecialMeetingAgenda implements ExecutionListener {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;
  private final OrganizationDirectory directory;

  SpecialMeetingAgenda(ProblemRegister register, RuntimeService runtimeService, OrganizationDirectory directory) {
    this.register = register;
    this.runtimeService = runtimeService;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    List<Map<String, Object>> rows = new ArrayList<>();
    register.openItems(campaignCode).forEach(item -> {
      Map<String, Object> variables = runtimeService.getVariables(item.getId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("problemCode", variables.get("problemCode"));
      row.put("problem", directory.nameOf((String) variables.get(CampaignModel.DEPARTMENT)) + "（"
          + variables.get("sourceLabel") + "）：" + variables.get("description"));
      Object deadline = variables.get("rectificationDeadline");
      row.put("currentDeadline", deadline == null || deadline.toString().isBlank() ? "措施待定" : deadline.toString());
      row.put("newDeadline", null);
      row.put("adjustmentReason", "");
      rows.add(row);
    });
    execution.setVariable("deadlineAdjustments", JsonVariables.of(rows));
  }
}
