package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.system.JsonVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Multi-instance collections from Json variables: {@code ${campaignDepartments.ids(execution)}}. */
@Component("campaignDepartments")
public class CampaignDepartments {

  /** The participating departments' ids. */
  public List<String> ids(VariableScope execution) {
    return idsOf(execution, CampaignModel.PARTICIPATING_DEPARTMENTS);
  }

  /** The departments drawn for the discipline inspection's spot-check. */
  public List<String> spotCheckSample(VariableScope execution) {
    return idsOf(execution, "spotCheckSample");
  }

  private static List<String> idsOf(VariableScope execution, String variable) {
    List<String> ids = new ArrayList<>();
    JsonVariables.read(execution, variable)
        .forEach(node -> ids.add(node.isObject() ? node.path("id").asText() : node.asText()));
    return ids;
  }
}
