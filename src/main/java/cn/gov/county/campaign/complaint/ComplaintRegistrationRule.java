package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A complaint is registered against a department taking part in a running campaign, and it
 * cannot have been received after today (China date).
 */
@Component
class ComplaintRegistrationRule implements FormRule {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final ComplaintCampaigns campaigns;

  ComplaintRegistrationRule(ComplaintCampaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public String formId() {
    return ComplaintModel.REGISTRATION_FORM;
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>();
    String code = text(values, ComplaintModel.CAMPAIGN_CODE);
    String department = text(values, ComplaintModel.DEPARTMENT);
    if (!campaigns.isRunning(code)) {
      violations.add(new FieldViolation(ComplaintModel.CAMPAIGN_CODE, "活动编号",
          "「活动编号」" + code + " 不是正在进行的整改活动"));
    } else if (!campaigns.takesPart(code, department)) {
      violations.add(new FieldViolation(ComplaintModel.DEPARTMENT, "被投诉单位",
          "「被投诉单位」未参加活动 " + code));
    }
    LocalDate today = LocalDate.now(CHINA);
    try {
      LocalDate receivedOn = LocalDate.parse(text(values, ComplaintModel.RECEIVED_ON));
      if (receivedOn.isAfter(today)) {
        violations.add(new FieldViolation(ComplaintModel.RECEIVED_ON, "受理日期",
            "「受理日期」不能晚于今天（" + today + "）"));
      }
    } catch (DateTimeParseException e) {
      // the schema reports a malformed date
    }
    return violations;
  }

  private static String text(Map<String, JsonNode> values, String name) {
    return values.getOrDefault(name, MissingNode.getInstance()).asText("");
  }
}
