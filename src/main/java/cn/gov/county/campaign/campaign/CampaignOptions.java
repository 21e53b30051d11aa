package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.form.FormOptionSource;
import cn.gov.county.campaign.form.FormOptionSource.Option;
import cn.gov.county.campaign.organization.UnitPeople;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Option lists filled when a form is fetched (form.FormOptions). Start forms pick a campaign from
 * a list instead of typing its code; a start form cannot read process variables in Tasklist, and
 * campaigns come and go while the forms stay deployed: a field marked {@code "properties":
 * {"options": "campaigns"}} gets the running campaigns, one marked {@code "allCampaigns"} also the
 * ended ones, newest first, labelled "名称（编号）" with the code as value. The server still checks
 * the submitted code (the forms' rules), so a value typed past the list is refused as before.
 * A task form's field marked {@code "unitPeople"} gets the people of the task's unit
 * ({@link UnitPeople}), for the responsible person of a problem; the problem forms' rules check
 * that choice too.
 */
@Configuration(proxyBeanMethods = false)
class CampaignOptions {

  static final String RUNNING = "campaigns";
  static final String ALL = "allCampaigns";
  static final String UNIT_PEOPLE = "unitPeople";

  @Bean
  FormOptionSource runningCampaignOptions(HistoryService history, IdentityService identity) {
    return FormOptionSource.of(RUNNING, fetch -> campaigns(history, identity, false));
  }

  @Bean
  FormOptionSource allCampaignOptions(HistoryService history, IdentityService identity) {
    return FormOptionSource.of(ALL, fetch -> campaigns(history, identity, true));
  }

  /** The people of the task's unit (its "department" variable); none for a start form. */
  @Bean
  FormOptionSource unitPeopleOptions(IdentityService identity, TaskService tasks, UnitPeople people) {
    return FormOptionSource.of(UNIT_PEOPLE, fetch -> {
      if (fetch.taskId() == null) {
        return List.of();
      }
      Object department = EngineInternals.withoutUser(identity, () -> {
        try {
          return tasks.getVariable(fetch.taskId(), "department");
        } catch (RuntimeException noSuchTask) {
          return null;
        }
      });
      return people.of(department instanceof String d ? d : null).stream()
          .map(p -> new Option(p.label(), p.name())).toList();
    });
  }

  /** Campaigns newest first; read without the caller's authorization (codes and names are no secret). */
  static List<Option> campaigns(HistoryService history, IdentityService identity, boolean includeEnded) {
    return EngineInternals.withoutUser(identity, () -> {
      HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS);
      if (!includeEnded) {
        query.unfinished();
      }
      List<HistoricProcessInstance> campaigns = query.list().stream()
          .filter(c -> c.getBusinessKey() != null && !c.getBusinessKey().isBlank())
          .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed())
          .toList();
      Map<String, String> names = new HashMap<>();
      if (!campaigns.isEmpty()) {
        history.createHistoricVariableInstanceQuery().variableName("campaignName")
            .processInstanceIdIn(campaigns.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .list().forEach(v -> names.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
      }
      return campaigns.stream().map(c -> new Option(
          names.getOrDefault(c.getId(), "整改活动") + "（" + c.getBusinessKey() + "）"
              + (c.getEndTime() == null ? "" : "（已结束）"),
          c.getBusinessKey())).toList();
    });
  }
}
