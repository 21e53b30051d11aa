package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.deadline.WorkingDayCalendar;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/** What the launch form's schema cannot say: dates in order, a code not used before, someone taking part. */
@Component
class CampaignLaunchRule implements FormRule {

  private final HistoryService historyService;
  private final OrganizationDirectory directory;
  private final WorkingDayCalendar calendar;

  CampaignLaunchRule(HistoryService historyService, OrganizationDirectory directory, WorkingDayCalendar calendar) {
    this.historyService = historyService;
    this.directory = directory;
    this.calendar = calendar;
  }

  @Override
  public String formId() {
    return "CampaignLaunchForm";
  }

  @Override
  public List<FieldViolation> check(Map<String, JsonNode> values) {
    List<FieldViolation> violations = new ArrayList<>(CampaignCalendar.check(
        name -> values.containsKey(name) ? values.get(name).asText(null) : null, calendar::isWorkingDay));
    String code = values.containsKey(CampaignModel.CAMPAIGN_CODE)
        ? values.get(CampaignModel.CAMPAIGN_CODE).asText("")
        : "";
    if (!code.isBlank() && historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).processInstanceBusinessKey(code).count() > 0) {
      violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 已被使用，请换一个或留空自动生成"));
    }
    Set<String> excluded = new HashSet<>();
    values.getOrDefault("excludedDepartments", MissingNode.getInstance())
        .forEach(id -> excluded.add(id.asText()));
    if (directory.departments().stream().allMatch(d -> excluded.contains(d.id()))) {
      violations.add(new FieldViolation("excludedDepartments", "不参加本次活动的部门",
          "「不参加本次活动的部门」不能是全部部门：至少要有一个部门参加"));
    }
    String additional = values.containsKey("additionalChecklistItems")
        ? values.get("additionalChecklistItems").asText("")
        : "";
    for (String line : additional.split("\\R")) {
      if (line.strip().length() > 200) {
        violations.add(new FieldViolation("additionalChecklistItems", "新增清单项",
            "「新增清单项」每项最多 200 字，请分行填写"));
        break;
      }
    }
    return violations;
  }
}
