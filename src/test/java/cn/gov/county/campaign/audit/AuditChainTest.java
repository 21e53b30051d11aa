package cn.gov.county.campaign.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CampaignIntegrationTest
class AuditChainTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditChainVerifier verifier;

  @LocalServerPort
  int port;

  @Test
  void anUntouchedCampaignVerifiesClean() {
    String code = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("审计链核验活动");
    AuditVerification verification = verifier.verify(code);
    System.out.println(AuditReport.text(verification));
    assertThat(verification.clean()).isTrue();
  }
}
