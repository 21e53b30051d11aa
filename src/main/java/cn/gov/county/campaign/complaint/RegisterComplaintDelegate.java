package cn.gov.county.campaign.complaint;

import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.EngineInternals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers a complaint in the start transaction: the campaign code becomes the business key (the
 * start form has none), the complaint gets its campaign's next number, and the names a clerk reads
 * are stored beside the ids.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintNumbers numbers;
  private final ComplaintCampaigns campaigns;
  private final OrganizationDirectory directory;

  RegisterComplaintDelegate(ComplaintNumbers numbers, ComplaintCampaigns campaigns, OrganizationDirectory directory) {
    this.numbers = numbers;
    this.campaigns = campaigns;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignCode = (String) execution.getVariable(ComplaintModel.CAMPAIGN_CODE);
    execution.setProcessBusinessKey(campaignCode);
    int serial = numbers.next(campaignCode);
    execution.setVariable(ComplaintModel.SERIAL, serial);
    execution.setVariable(ComplaintModel.NUMBER, ComplaintNumbers.format(campaignCode, serial));
    execution.setVariable(ComplaintModel.DEPARTMENT_NAME,
        directory.nameOf((String) execution.getVariable(ComplaintModel.DEPARTMENT)));
    execution.setVariable(ComplaintModel.SOURCE_LABEL,
        ComplaintSource.valueOf((String) execution.getVariable(ComplaintModel.SOURCE)).label());
    execution.setVariable(ComplaintModel.CAMPAIGN_NAME,
        EngineInternals.withoutAuthorizationInCommand(() -> campaigns.nameOf(campaignCode)).orElse(""));
  }
}
