package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.form.FormRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lists of the campaign's forms that must not be empty. */
@Configuration(proxyBeanMethods = false)
class CampaignFormRules {

  @Bean
  FormRule staffCommitmentsRequired() {
    return new ListNotEmptyRule("StaffCommitmentsForm", "staffCommitments", "干部职工承诺", "承诺制要求干部职工人人承诺");
  }

  @Bean
  FormRule completionEvidenceRequired() {
    return new ListNotEmptyRule("CompletionReportForm", "evidence", "佐证材料", "办结报告须附佐证材料");
  }
}
