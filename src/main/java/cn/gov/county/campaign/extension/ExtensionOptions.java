package cn.gov.county.campaign.extension;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FormOptionSource;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The extension's start form lists the asking department's own open problems (those with a
 * deadline, in running campaigns): a start form cannot read process variables, so, as for the
 * campaign lists ({@code campaign.CampaignOptions}), the field marked {@code "properties":
 * {"options": "ownProblems"}} is filled when Tasklist or the REST API fetches the form
 * (form.FormOptions), for the user who fetched it (the webapps' session, or the Basic credentials
 * the engine has just accepted: the form is filled only on a 200 answer). The list is a
 * convenience; the form's rule checks the submitted problem on every path.
 */
@Component
class ExtensionOptions implements FormOptionSource {

  private final ProcessEngine engine;
  private final ProblemRegister register;

  ExtensionOptions(ProcessEngine engine, ProblemRegister register) {
    this.engine = engine;
    this.register = register;
  }

  @Override
  public String name() {
    return ExtensionModel.OWN_PROBLEMS_OPTIONS;
  }

  @Override
  public Optional<List<Option>> options(Fetch fetch) {
    if (!ExtensionModel.START_FORM.equals(fetch.formId()) || fetch.taskId() != null) {
      return Optional.empty();
    }
    return Optional.of(fetch.userId() == null ? List.of() : problems(fetch.userId()));
  }

  /** The open problems with a deadline of the user's departments, in running campaigns, by code. */
  List<Option> problems(String userId) {
    IdentityService identity = engine.getIdentityService();
    RuntimeService runtime = engine.getRuntimeService();
    return EngineInternals.withoutUser(identity, () -> {
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      List<Option> options = new ArrayList<>();
      for (String group : groups) {
        for (ProcessInstance item : runtime.createProcessInstanceQuery()
            .processDefinitionKey(CampaignModel.RECTIFICATION_ITEM_PROCESS)
            .variableValueEquals(CampaignModel.DEPARTMENT, group).list()) {
          Map<String, Object> v = runtime.getVariables(item.getId(), List.of("problemCode", "description",
              ProblemRegister.RECTIFICATION_DEADLINE));
          Object deadline = v.get(ProblemRegister.RECTIFICATION_DEADLINE);
          if (deadline == null || String.valueOf(deadline).isBlank()
              || register.campaign(item.getBusinessKey()).isEmpty()) {
            continue;
          }
          String description = String.valueOf(v.get("description"));
          options.add(new Option(v.get("problemCode") + "：" + (description.length() > 40
              ? description.substring(0, 40) + "…"
              : description) + "（整改时限 " + deadline + "）",
              String.valueOf(v.get("problemCode"))));
        }
      }
      options.sort(Comparator.comparing(Option::value));
      return options;
    });
  }
}
