package cn.gov.county.campaign.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A load balancer reads the health without credentials and sees the status only; the office's
 * operators read the metrics with their account; nobody else does.
 */
@CampaignIntegrationTest
class HealthAndMetricsTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  CampaignMetrics metrics;

  @Test
  void theHealthAnswersEverybodyWithItsStatusOnly() {
    CampaignRest rest = new CampaignRest(port);
    var health = rest.get(null, "/actuator/health");
    var liveness = rest.get(null, "/actuator/health/liveness");
    var readiness = rest.get(null, "/actuator/health/readiness");
    for (var answer : List.of(health, liveness, readiness)) {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().path("status").asText()).isEqualTo("UP");
    }
    for (var answer : List.of(health, liveness, readiness)) {
      assertThat(answer.json().has("components")).as("status only, no details").isFalse();
      assertThat(answer.body()).doesNotContain("jdbc", "H2", "database");
    }
  }

  @Test
  void theMetricsAreForTheOfficesOperatorsOnly() {
    // given: a running campaign with open tasks
    String code = new CampaignDriver(engine).launch("运行指标测试活动", List.of());
    metrics.refresh();
    CampaignRest rest = new CampaignRest(port);
    // when
    var anonymous = rest.get(null, "/actuator/prometheus");
    var department = rest.get("finance-liaison", "/actuator/prometheus");
    var auditor = rest.get("auditor", "/actuator/prometheus");
    var office = rest.get("office", "/actuator/prometheus");
    // then
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(department.status()).isEqualTo(403);
    assertThat(department.body()).isEqualTo("只有领导小组办公室或系统管理员可以查看运行指标。");
    assertThat(auditor.status()).isEqualTo(403);
    assertThat(office.status()).isEqualTo(200);
    assertThat(office.body()).contains("campaign_jobs_backlog", "campaign_jobs_failed", "campaign_incidents",
        "campaign_notifications{status=\"PENDING\"}", "campaign_notifications{status=\"RETRYING\"}",
        "campaign_audit_entries", "campaign_tasks_overdue{campaign=\"" + code + "\"}");
  }
}
