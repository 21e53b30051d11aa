package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.problem.ProblemRegister;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A deadline the special meeting adjusts must belong to a problem of this campaign. */
@Component
class SpecialMeetingRule implements FormRule {

  private final ProblemRegister register;

  SpecialMeetingRule(ProblemRegister register) {
    this.register = register;
  }

  @Override
  public String formId() {
    return "SpecialMeetingForm";
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!"adjusted".equals(values.getOrDefault("meetingDecision", NullNode.getInstance()).asText())) {
      return violations;
    }
    String campaignCode = values.get(CampaignModel.CAMPAIGN_CODE).asText();
    int row = 1;
    for (JsonNode adjustment : values.getOrDefault("deadlineAdjustments", MissingNode.getInstance())) {
      String code = adjustment.path("problemCode").asText("");
      if (!code.isBlank() && register.item(campaignCode, code).isEmpty()) {
        violations.add(new FieldViolation("deadlineAdjustments", "调整整改时限",
            "「调整整改时限」第 " + row + " 行的问题编号 " + code + " 不是本活动正在整改的问题"));
      }
      row++;
    }
    return violations;
  }
}
