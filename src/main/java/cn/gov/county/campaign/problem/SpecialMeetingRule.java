package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.system.CampaignDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The special meeting that adjusts deadlines adjusts at least one, each of an open problem of this
 * campaign (one closed since the list was made is named), none to a day already past.
 */
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
    LocalDate today = LocalDate.now(CampaignDates.CHINA);
    int row = 1;
    int adjusted = 0;
    for (JsonNode adjustment : values.getOrDefault("deadlineAdjustments", MissingNode.getInstance())) {
      String newDeadline = adjustment.path("newDeadline").asText("");
      if (!newDeadline.isBlank()) {
        adjusted++;
        String code = adjustment.path("problemCode").asText("");
        if (register.item(campaignCode, code).isEmpty()) {
          violations.add(new FieldViolation("deadlineAdjustments", "调整的整改时限",
              "「调整的整改时限」第 " + row + " 行的问题 " + code + " 已不在整改中（可能已经销号），请清空该行的调整后时限"));
        }
        try {
          if (LocalDate.parse(newDeadline).isBefore(today)) {
            violations.add(new FieldViolation("deadlineAdjustments", "调整的整改时限",
                "「调整的整改时限」第 " + row + " 行的「调整后的整改时限」不能早于今天（" + today + "）"));
          }
        } catch (DateTimeParseException e) {
          // the schema reports a malformed date
        }
      }
      row++;
    }
    if (adjusted == 0) {
      violations.add(new FieldViolation("deadlineAdjustments", "调整的整改时限",
          "「调整的整改时限」选择了「调整部分整改时限后通过」，请至少为一个问题填写调整后的整改时限"));
    }
    return violations;
  }
}
