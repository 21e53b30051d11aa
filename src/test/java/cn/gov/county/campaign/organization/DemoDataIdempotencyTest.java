package cn.gov.county.campaign.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two starts on one database: the second changes nothing. */
@Tag("own-application")
class DemoDataIdempotencyTest {

  @TempDir
  Path workDir;

  private record Counts(long users, long groups, long memberships, long authorizations, long filters,
      long deployments, long processDefinitions) {
  }

  private Counts start() {
    String url = "jdbc:h2:file:" + workDir.resolve("data/campaign").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    // command-line arguments: they take precedence over application.yaml
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CampaignApplication.class).run(
        "--spring.datasource.url=" + url,
        "--server.port=0",
        // its own engine name, so it does not replace the shared test context's "default" engine
        "--camunda.bpm.process-engine-name=idempotency",
        "--camunda.bpm.job-execution.enabled=false")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      var identity = engine.getIdentityService();
      long memberships = identity.createGroupQuery().list().stream()
          .map(Group::getId)
          .mapToLong(group -> identity.createUserQuery().memberOfGroup(group).count())
          .sum();
      return new Counts(
          identity.createUserQuery().count(),
          identity.createGroupQuery().count(),
          memberships,
          engine.getAuthorizationService().createAuthorizationQuery().count(),
          engine.getFilterService().createFilterQuery().count(),
          engine.getRepositoryService().createDeploymentQuery().count(),
          engine.getRepositoryService().createProcessDefinitionQuery().count());
    }
  }

  @Test
  void secondStartOnTheSameDatabaseCreatesNothingNew() {
    // given
    Counts first = start();
    // when
    Counts second = start();
    // then
    assertThat(Files.exists(workDir.resolve("data/campaign.mv.db"))).isTrue();
    assertThat(second).isEqualTo(first);
    assertThat(first.users()).isGreaterThanOrEqualTo(4 + 2 * 8);
    assertThat(first.groups()).isGreaterThanOrEqualTo(7 + 8);
    assertThat(first.deployments()).isEqualTo(1);
  }
}
