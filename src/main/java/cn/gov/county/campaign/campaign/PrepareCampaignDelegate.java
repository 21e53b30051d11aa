package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.JsonVariables;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After launch: the campaign's code (the office's, or a new one) becomes the business key of this
 * and every later instance; the participating departments and the checklist are fixed.
 */
@Component
class PrepareCampaignDelegate implements JavaDelegate {

  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final OrganizationDirectory directory;
  private final CampaignChecklist checklist;
  private final HistoryService historyService;
  private final SecureRandom random = new SecureRandom();

  PrepareCampaignDelegate(OrganizationDirectory directory, CampaignChecklist checklist, HistoryService historyService) {
    this.directory = directory;
    this.checklist = checklist;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = (String) execution.getVariable(CampaignModel.CAMPAIGN_CODE);
    if (code == null || code.isBlank()) {
      code = newCode(String.valueOf(execution.getVariable("mobilizationStart")));
    }
    execution.setProcessBusinessKey(code);
    execution.setVariable(CampaignModel.CAMPAIGN_CODE, code);

    Set<String> excluded = new HashSet<>();
    JsonVariables.read(execution, "excludedDepartments").forEach(id -> excluded.add(id.asText()));
    List<Organization.Department> participating = directory.departments().stream()
        .filter(d -> !excluded.contains(d.id())).toList();
    execution.setVariable(CampaignModel.PARTICIPATING_DEPARTMENTS, JsonVariables.of(participating.stream()
        .map(d -> Map.of("id", d.id(), "name", d.name(), "category", d.category().label())).toList()));
    execution.setVariable("departmentOptions", JsonVariables.of(participating.stream()
        .map(d -> Map.of("label", d.name(), "value", d.id())).toList()));

    Set<String> excludedItems = new HashSet<>();
    JsonVariables.read(execution, "excludedChecklistItems").forEach(item -> excludedItems.add(item.asText()));
    execution.setVariable("campaignChecklist", JsonVariables.of(
        checklist.compose(excludedItems, (String) execution.getVariable("additionalChecklistItems"))));
    execution.setVariable(CampaignModel.PLANS_APPROVED, false);
  }

  /** "ZG-2026-K7Q2": year of the campaign's start and four letters, not used before. */
  private String newCode(String startDate) {
    String year = startDate.length() >= 4 ? startDate.substring(0, 4) : String.valueOf(LocalDate.now().getYear());
    while (true) {
      StringBuilder code = new StringBuilder("ZG-").append(year).append('-');
      for (int i = 0; i < 4; i++) {
        code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
      }
      if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code.toString())
          .count() == 0) {
        return code.toString();
      }
    }
  }
}
