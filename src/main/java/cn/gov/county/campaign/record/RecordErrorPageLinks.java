package cn.gov.county.campaign.record;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.ErrorPageLinks;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/** On an error page, a department's users are offered their unit's record in its latest campaigns. */
@Component
class RecordErrorPageLinks implements ErrorPageLinks {

  private final ProcessEngine engine;

  RecordErrorPageLinks(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public List<Link> linksFor(String userId, List<String> groupIds) {
    List<Link> links = new ArrayList<>();
    for (String department : groupIds) {
      if (department.startsWith(Groups.DEPARTMENT_PREFIX)) {
        for (String[] campaign : campaignsOf(department)) {
          links.add(new Link("/campaign/campaigns/" + campaign[0] + "/departments/" + department,
              "本单位活动档案：" + campaign[1]));
        }
      }
    }
    return links;
  }

  /** The department's campaigns, latest first (code, name), at most five. */
  private List<String[]> campaignsOf(String department) {
    IdentityService identity = engine.getIdentityService();
    HistoryService history = engine.getHistoryService();
    return EngineInternals.withoutUser(identity, () -> {
      Set<String> codes = new LinkedHashSet<>();
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS)
          .variableValueEquals(CampaignModel.DEPARTMENT, department)
          .orderByProcessInstanceStartTime().desc().listPage(0, 10)) {
        if (instance.getBusinessKey() != null) {
          codes.add(instance.getBusinessKey());
        }
      }
      List<String[]> campaigns = new ArrayList<>();
      for (String code : codes.stream().limit(5).toList()) {
        String[] roots = history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).processInstanceBusinessKey(code)
            .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        HistoricVariableInstance name = roots.length == 0
            ? null
            : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(roots).variableName("campaignName").listPage(0, 1).stream().findFirst()
                .orElse(null);
        campaigns.add(
            new String[]{code, name == null || name.getValue() == null ? code : name.getValue() + "（" + code + "）"});
      }
      return campaigns;
    });
  }
}
