package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A plan's rows are open problems of the department (each once; one closed meanwhile is named), and
 * no deadline lies in the past.
 */
@Component
class RectificationPlanRule implements FormRule {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  RectificationPlanRule(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  @Override
  public String formId() {
    return "RectificationPlanForm";
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String campaignCode = values.getOrDefault(CampaignModel.CAMPAIGN_CODE, MissingNode.getInstance()).asText();
    String department = values.getOrDefault(CampaignModel.DEPARTMENT, MissingNode.getInstance()).asText();
    Set<String> open = new HashSet<>();
    register.openItems(campaignCode, department)
        .forEach(item -> open.add(String.valueOf(runtimeService.getVariable(item.getId(), "problemCode"))));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    int row = 1;
    for (JsonNode item : values.getOrDefault("planItems", MissingNode.getInstance())) {
      String code = item.path("problemCode").asText("");
      if (!open.remove(code)) {
        violations.add(new FieldViolation("planItems", "整改方案", "「整改方案」第 " + row + " 行的问题编号 " + code
            + " 不在本部门正在整改的问题清单中（可能已经销号），请刷新后重新填写"));
      }
      try {
        String deadline = item.path("deadline").asText("");
        if (!deadline.isBlank() && LocalDate.parse(deadline).isBefore(today)) {
          violations.add(new FieldViolation("planItems", "整改方案", "「整改方案」第 " + row + " 行的「整改时限」不能早于今天（" + today + "）"));
        }
      } catch (DateTimeParseException e) {
        // the schema reports a malformed date
      }
      row++;
    }
    return violations;
  }
}
