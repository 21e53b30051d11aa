package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A problem can only be assigned to a department taking part in a running campaign. */
@Component
class ProblemAssignmentRule implements FormRule {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  ProblemAssignmentRule(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public String formId() {
    return "ProblemAssignmentForm";
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = values.containsKey(CampaignModel.CAMPAIGN_CODE)
        ? values.get(CampaignModel.CAMPAIGN_CODE).asText("")
        : "";
    String department = values.containsKey("problemDepartment") ? values.get("problemDepartment").asText("") : "";
    var campaign = register.campaign(code);
    if (campaign.isEmpty()) {
      violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 不是正在进行的整改活动"));
      return violations;
    }
    TypedValue participating = runtimeService.getVariableTyped(campaign.get().getId(),
        CampaignModel.PARTICIPATING_DEPARTMENTS, false);
    boolean takesPart = false;
    for (JsonNode node : JsonVariables.toJson(participating)) {
      takesPart |= node.path("id").asText().equals(department);
    }
    if (!takesPart) {
      violations.add(new FieldViolation("problemDepartment", "责任部门", "「责任部门」未参加活动 " + code));
    }
    return violations;
  }
}
