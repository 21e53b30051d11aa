package cn.gov.county.campaign.audit;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A verification run from the shell ({@code campaign.audit.verify} set) is not a server: no web
 * server, no job executor, no deadline watch, so that it changes nothing while it reads. Settings
 * given on the command line still win (this source comes last).
 */
class AuditVerifyEnvironment implements EnvironmentPostProcessor {

  static final String PROPERTY = "campaign.audit.verify";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getProperty(PROPERTY) == null) {
      return;
    }
    environment.getPropertySources().addLast(new MapPropertySource("campaign-audit-verify", Map.of(
        "spring.main.web-application-type", "none",
        // the engine's REST API needs a servlet container (its auto-configuration fails without one)
        "spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "camunda.bpm.job-execution.enabled", "false",
        "spring.main.banner-mode", "off",
        "logging.level.root", "warn")));
  }
}
