package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.county.campaign.CampaignApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile: no demo users, secrets from the environment, hardened cookies and headers. */
@Tag("own-application")
class ProdProfileTest {

  private static final String AUDIT_KEY = "--CAMPAIGN_AUDIT_KEY=prod-audit-key-0123456789-abcdefghij";

  @TempDir
  Path workDir;

  private ConfigurableApplicationContext startProd(String... extra) {
    return start("prod", extra);
  }

  private ConfigurableApplicationContext startProdWithoutDatabase(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
        "--camunda.bpm.process-engine-name=prod", "--camunda.bpm.job-execution.enabled=false"));
    args.add(AUDIT_KEY);
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(CampaignApplication.class).run(args.toArray(String[]::new));
  }

  /** The demo (default profile) on the same database. */
  private ConfigurableApplicationContext startDemo() {
    return start("default");
  }

  private ConfigurableApplicationContext start(String profile, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "--spring.profiles.active=" + profile,
        "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("data/campaign").toAbsolutePath(),
        "--spring.datasource.username=sa",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=prod",
        "--camunda.bpm.job-execution.enabled=false"));
    if (java.util.Arrays.stream(extra).noneMatch(arg -> arg.startsWith("--CAMPAIGN_AUDIT_KEY="))) {
      args.add(AUDIT_KEY);
    }
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(CampaignApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void createsNoDemoUsersAndTakesTheAdminPasswordFromTheEnvironment() throws Exception {
    // given: the office's own organization file and an admin password, as environment variables would give them
    try (ConfigurableApplicationContext context = startProd(
        "--CAMPAIGN_ADMIN_PASSWORD=Zx9-long-secret",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      var identity = engine.getIdentityService();
      // then: only the administrator exists; the organization's groups do
      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
      assertThat(identity.checkPassword("admin", "Zx9-long-secret")).isTrue();
      assertThat(identity.createGroupQuery().groupId("dept-finance").singleResult().getType()).isEqualTo("政府职能部门");
      assertThat(engine.getFilterService().createFilterQuery().filterName("本部门待办").count()).isEqualTo(1);

      // and: the webapps' cookies are Secure and SameSite=Strict, and security headers are sent
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<Void> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
      List<String> cookies = page.headers().allValues("Set-Cookie");
      assertThat(cookies).hasSize(2)
          .allSatisfy(c -> assertThat(c).contains("Secure").containsIgnoringCase("SameSite=Strict"));
      assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID").contains("HttpOnly"));
      assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void refusesToStartWithoutAnAdminPasswordOrOrganizationFile_andCreatesNoAdministrator() {
    // when / then
    assertThatThrownBy(() -> startProd("--CAMPAIGN_AUDIT_KEY=").close())
        .hasStackTraceContaining("set CAMPAIGN_AUDIT_KEY")
        .hasStackTraceContaining("set CAMPAIGN_ADMIN_PASSWORD")
        .hasStackTraceContaining("set CAMPAIGN_ORGANIZATION_FILE");
    assertThatThrownBy(() -> startProd("--CAMPAIGN_ADMIN_PASSWORD=admin",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml").close())
        .hasStackTraceContaining("at least 12 characters");
    assertThatThrownBy(() -> startProdWithoutDatabase("--CAMPAIGN_ADMIN_PASSWORD=Zx9-long-secret",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml").close())
        .hasStackTraceContaining("set CAMPAIGN_DATASOURCE_URL");
    // then: a later start with the password set gets an administrator with that password
    try (ConfigurableApplicationContext context = startProd(
        "--CAMPAIGN_ADMIN_PASSWORD=Zx9-long-secret",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml")) {
      assertThat(context.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "Zx9-long-secret"))
          .isTrue();
    }
  }

  @Test
  void refusesToStartOnADatabaseTheDemoUsed_untilNoAccountHasADemoPasswordAndAdminHasTheConfiguredOne() {
    // given: the demo ran on this database (demo users, admin/admin)
    startDemo().close();
    String[] secrets = {"--CAMPAIGN_ADMIN_PASSWORD=Zx9-long-secret",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml"};
    // when / then: prod names the demo accounts and the administrator's wrong password
    assertThatThrownBy(() -> startProd(secrets).close())
        .hasStackTraceContaining("still have their user id as password")
        .hasStackTraceContaining("finance-liaison")
        .hasStackTraceContaining("auditor")
        .hasStackTraceContaining("admin does not have the password set in CAMPAIGN_ADMIN_PASSWORD")
        .satisfies(e -> assertThat(e.toString() + java.util.Arrays.toString(e.getStackTrace()))
            .doesNotContain("Zx9-long-secret"));

    // given: the demo accounts are removed; admin got a password of its own
    try (ConfigurableApplicationContext demo = startDemo()) {
      var identity = demo.getBean(ProcessEngine.class).getIdentityService();
      identity.createUserQuery().list().stream().map(User::getId).filter(id -> !id.equals("admin"))
          .forEach(identity::deleteUser);
      User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setPassword("An0ther-Secret!");
      identity.saveUser(admin);
    }
    // then: refused while the variable says something else; started once it agrees
    assertThatThrownBy(() -> startProd(secrets).close())
        .hasStackTraceContaining("admin does not have the password set in CAMPAIGN_ADMIN_PASSWORD")
        .satisfies(e -> assertThat(rootMessage(e)).doesNotContain("user id as password"));
    try (ConfigurableApplicationContext context = startProd("--CAMPAIGN_ADMIN_PASSWORD=An0ther-Secret!",
        "--CAMPAIGN_ORGANIZATION_FILE=classpath:organization/demo-county.yaml")) {
      var identity = context.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
      // and: Camunda's password policy is on
      User weak = identity.newUser("weak-user");
      weak.setPassword("weak-user");
      assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageContaining("Password does not match policy");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
