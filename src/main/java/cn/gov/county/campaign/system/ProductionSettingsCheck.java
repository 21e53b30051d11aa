package cn.gov.county.campaign.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile the secrets, the database and the county's organization come from
 * the environment. Spring would bind a missing {@code ${CAMPAIGN_ADMIN_PASSWORD}} as that literal
 * text, and the engine would create the administrator with it; this check runs before any bean,
 * so before the engine, and stops the start with a message saying what to set.
 */
@Component
@Profile("prod")
class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final int MIN_PASSWORD_LENGTH = 12;

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = new ArrayList<>();
    String password = environment.getProperty("CAMPAIGN_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      problems.add("set CAMPAIGN_ADMIN_PASSWORD to the administrator's password");
    } else if (password.length() < MIN_PASSWORD_LENGTH) {
      problems.add("CAMPAIGN_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    String organization = environment.getProperty("CAMPAIGN_ORGANIZATION_FILE");
    if (organization == null || organization.isBlank()) {
      problems.add(
          "set CAMPAIGN_ORGANIZATION_FILE to the county's organization file (e.g. file:/etc/campaign/organization.yaml)");
    }
    String auditKey = environment.getProperty("campaign.audit.key");
    if (auditKey == null || auditKey.isBlank()) {
      problems
          .add("set CAMPAIGN_AUDIT_KEY to the audit chain's secret key (32+ characters, kept outside the database)");
    } else if (auditKey.length() < 32) {
      problems.add("CAMPAIGN_AUDIT_KEY must have at least 32 characters");
    }
    String datasource = environment.getProperty("spring.datasource.url");
    if (datasource == null || datasource.isBlank()) {
      problems.add("set CAMPAIGN_DATASOURCE_URL (and _USERNAME, _PASSWORD) to the production database"
          + " (e.g. jdbc:postgresql://db.example:5432/campaign); prod has no default database");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The prod profile cannot start: " + String.join("; ", problems));
    }
  }
}
