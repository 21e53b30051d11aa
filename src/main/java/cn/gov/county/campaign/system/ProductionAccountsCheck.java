package cn.gov.county.campaign.system;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production never inherits the demo: on a database first used without {@code prod}, the demo
 * accounts (password = user id) and {@code admin/admin} would still log in, and Camunda does not
 * change the password of an existing {@code admin}. In {@code prod} the start stops while any
 * account still has its user id as password, or {@code admin}'s password is not
 * {@code CAMPAIGN_ADMIN_PASSWORD}. The passwords are compared with the stored hashes, not by
 * logging in, so no failed login is counted against anyone.
 *
 * <p>Runs as soon as the engine is built, before the webapps start. An {@code admin} that does not
 * exist yet is created by the starter with the configured password, whichever plugin runs first.
 */
@Component
@Profile("prod")
class ProductionAccountsCheck extends AbstractProcessEnginePlugin {

  private final String adminPassword;

  ProductionAccountsCheck(@Value("${CAMPAIGN_ADMIN_PASSWORD}") String adminPassword) {
    this.adminPassword = adminPassword;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<String> demo = engine.getIdentityService().createUserQuery().list().stream()
        .filter(user -> hasPassword(engine, user, user.getId()))
        .map(User::getId)
        .toList();
    User admin = engine.getIdentityService().createUserQuery().userId("admin").singleResult();
    StringBuilder problems = new StringBuilder();
    if (!demo.isEmpty()) {
      problems.append(demo.size()).append(" account(s) still have their user id as password (demo accounts): ")
          .append(String.join(", ", demo))
          .append(". Give them real passwords or delete them (Admin → Users) before starting with prod. ");
    }
    if (admin != null && !hasPassword(engine, admin, adminPassword)) {
      problems.append("The existing user admin does not have the password set in CAMPAIGN_ADMIN_PASSWORD ")
          .append("(Camunda never changes an existing admin's password): set it in Admin or correct the variable.");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The prod profile cannot start: " + problems.toString().trim());
    }
  }

  private static boolean hasPassword(ProcessEngine engine, User user, String password) {
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return false;
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, entity.getSalt()),
        entity.getPassword());
  }
}
