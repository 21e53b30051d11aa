package cn.gov.county.campaign.problem;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.organization.UnitPeople;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A problem's responsible person (责任人) is a person of the unit that rectifies it (seed 004:
 * 分解落实责任): the measure form and every row of the rectification plan name one of the unit's
 * people, whatever a client sends.
 */
@Configuration(proxyBeanMethods = false)
class ResponsiblePersonRules {

  @Bean
  FormRule measureResponsibleRule(UnitPeople people) {
    return FormRule.of("ItemMeasureForm", values -> {
      String department = text(values.get(CampaignModel.DEPARTMENT));
      String responsible = text(values.get("responsible"));
      return responsible.isBlank() || people.isMember(department, responsible)
          ? List.of()
          : List.of(notOfTheUnit("responsible", "责任人", "「责任人」", responsible));
    });
  }

  @Bean
  FormRule planResponsibleRule(UnitPeople people) {
    return FormRule.of("RectificationPlanForm", values -> {
      String department = text(values.get(CampaignModel.DEPARTMENT));
      List<FieldViolation> violations = new ArrayList<>();
      int row = 1;
      for (JsonNode item : values.getOrDefault("planItems", MissingNode.getInstance())) {
        String responsible = item.path("responsible").asText("");
        if (!responsible.isBlank() && !people.isMember(department, responsible)) {
          violations.add(notOfTheUnit("planItems", "整改方案", "「整改方案」第 " + row + " 行的「责任人」", responsible));
        }
        row++;
      }
      return violations;
    });
  }

  private static FieldViolation notOfTheUnit(String field, String label, String where, String name) {
    return new FieldViolation(field, label, where + "「" + name + "」不是本单位人员，请从本单位人员名单中选择责任人");
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText("");
  }
}
