package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.problem.ProblemRegister;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** What the complaint process asks about a campaign: is it running, does a department take part. */
@Component
class ComplaintCampaigns {

  private final ProblemRegister register;
  private final RuntimeService runtimeService;

  ComplaintCampaigns(ProblemRegister register, RuntimeService runtimeService) {
    this.register = register;
    this.runtimeService = runtimeService;
  }

  boolean isRunning(String campaignCode) {
    return !campaignCode.isBlank() && register.campaign(campaignCode).isPresent();
  }

  boolean takesPart(String campaignCode, String department) {
    Optional<ProcessInstance> campaign = register.campaign(campaignCode);
    if (campaign.isEmpty()) {
      return false;
    }
    JsonNode participating = JsonVariables.toJson(runtimeService.getVariableTyped(campaign.get().getId(),
        CampaignModel.PARTICIPATING_DEPARTMENTS, false));
    for (JsonNode node : participating) {
      if (node.path("id").asText().equals(department)) {
        return true;
      }
    }
    return false;
  }

  Optional<String> nameOf(String campaignCode) {
    return register.campaignVariable(campaignCode, "campaignName").map(String::valueOf);
  }
}
