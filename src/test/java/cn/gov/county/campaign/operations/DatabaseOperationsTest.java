package cn.gov.county.campaign.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.PostgresDatabase;
import cn.gov.county.campaign.audit.AuditChainVerifier;
import cn.gov.county.campaign.audit.AuditVerification;
import cn.gov.county.campaign.campaign.CampaignDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * What docs/operations.md tells an operator to do, done on both databases: upgrade a
 * database from before the versioned migrations, and back up mid-campaign and restore (H2: a copy
 * of the database file while the application is stopped; PostgreSQL: {@code pg_dump} while it runs,
 * {@code pg_restore}), the restored database verifying clean with the audit verifier.
 */
@Tag("own-application")
class DatabaseOperationsTest {

  private static final Path WORK = Path.of("target", "database-operations");

  @Test
  void anH2DatabaseFromBeforeTheMigrationsIsUpgradedAndABackupTakenMidCampaignRestoresClean() throws Exception {
    FileSystemUtils.deleteRecursively(WORK.resolve("h2"));
    Path live = WORK.resolve("h2/live").toAbsolutePath();
    String code = upgradeAndRunACampaign("h2",
        new String[]{"--spring.datasource.url=jdbc:h2:file:" + live.resolve("campaign")},
        jdbc -> {
        });

    // the application stopped mid-campaign: the backup is a copy of the database file, restored elsewhere
    Path restored = Files.createDirectories(WORK.resolve("h2/restored").toAbsolutePath());
    Files.copy(live.resolve("campaign.mv.db"), restored.resolve("campaign.mv.db"));
    restoresClean(code, "--spring.datasource.url=jdbc:h2:file:" + restored.resolve("campaign"));
  }

  @Test
  void aPostgresqlDatabaseFromBeforeTheMigrationsIsUpgradedAndADumpTakenMidCampaignRestoresClean() throws Exception {
    Files.createDirectories(WORK);
    Path dump = WORK.resolve("postgresql-backup.dump").toAbsolutePath();
    try (PostgresDatabase live = PostgresDatabase.create("operations");
        PostgresDatabase restored = PostgresDatabase.create("operations_restored")) {
      String code = upgradeAndRunACampaign("pg", live.springArguments(),
          jdbc -> run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), live.name()));
      run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "--no-owner", "-d", restored.name(), dump.toString());
      restoresClean(code, restored.springArguments());
    }
  }

  interface Backup {
    void take(JdbcTemplate jdbc) throws Exception;
  }

  /**
   * Starts the application on an empty database, makes it look as the application before the
   * versioned migrations left it (own tables made by CREATE ... IF NOT EXISTS, no migration
   * history, no deadline timers), starts it again as this version, then runs a campaign halfway,
   * takes the backup while it runs and stops it. Answers the campaign's code.
   */
  private static String upgradeAndRunACampaign(String name, String[] database, Backup backup) throws Exception {
    String taskId;
    long notifications;
    try (ConfigurableApplicationContext before = start(name + "-before", database, false)) {
      ProcessEngine engine = before.getBean(ProcessEngine.class);
      Task task = CampaignRest.requestInformation(engine.getRuntimeService(), engine.getTaskService(), "dept-market",
          "报送窗口服务情况");
      taskId = task.getId();
      JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
      jdbc.execute("DROP TABLE \"campaign_schema_history\"");
      jdbc.update("DELETE FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'campaign-task-deadline'");
      notifications = count(jdbc, "SELECT COUNT(*) FROM campaign_notification");
      assertThat(notifications).isPositive();
    }

    try (ConfigurableApplicationContext upgraded = start(name + "-upgraded", database, true)) {
      JdbcTemplate jdbc = upgraded.getBean(JdbcTemplate.class);
      // Flyway baselined the existing tables at 0 and ran V1 over them, then every later migration; nothing was lost
      List<String> expected = new java.util.ArrayList<>(List.of("0 BASELINE true"));
      migrationVersions().forEach(version -> expected.add(version + " SQL true"));
      assertThat(jdbc.queryForList("SELECT \"version\", \"type\", \"success\" FROM \"campaign_schema_history\" "
          + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
          .extracting(row -> row.get("version") + " " + row.get("type") + " " + row.get("success"))
          .containsExactlyElementsOf(expected);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM campaign_notification")).isEqualTo(notifications);
      // the open task got the deadline timers it never had
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN ('overdue:" + taskId + "', 'due-soon:"
          + taskId + "')")).isEqualTo(2);
      assertThat(upgraded.getBean(AuditChainVerifier.class).verifyAll()).allMatch(AuditVerification::clean);
    }

    try (ConfigurableApplicationContext running = start(name + "-running", database, false)) {
      CampaignDriver driver = new CampaignDriver(running.getBean(ProcessEngine.class));
      String code = driver.launch("2026年机关作风建设活动", List.of("dept-propaganda", "dept-union", "dept-devreform",
          "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan", "dept-dongfeng"));
      driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
          "opinionsIssuedOn", "2026-12-01", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
          "mobilizationMeetingOn", "2026-12-01", "mobilizationMeetingNotes", "召开全县动员大会。"));
      driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"),
          "finance-liaison",
          Map.of("workPlan", "成立工作专班，分三步开展自查自纠。", "workPlanLeader", "局长"));
      backup.take(running.getBean(JdbcTemplate.class));
      return code;
    }
  }

  private static void restoresClean(String code, String... database) {
    try (ConfigurableApplicationContext restored = start("restored", database, false)) {
      List<AuditVerification> verified = restored.getBean(AuditChainVerifier.class).verifyAll();
      assertThat(verified).extracting(AuditVerification::chain).contains(code);
      assertThat(verified).allSatisfy(v -> assertThat(v.clean()).as(v.chain() + ": " + v.findings()).isTrue());
      CampaignDriver driver = new CampaignDriver(restored.getBean(ProcessEngine.class));
      assertThat(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-market")).isNotNull();
      assertThat(driver.open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, "dept-finance")).isNotNull();
    }
  }

  private static ConfigurableApplicationContext start(String engine, String[] database, boolean jobExecutor) {
    return new SpringApplicationBuilder(CampaignApplication.class).run(Stream.concat(Stream.of(database), Stream.of(
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
        "--camunda.bpm.process-engine-name=" + engine,
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--campaign.calendar.directory=" + WORK.resolve("calendar"))).toArray(String[]::new));
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }

  /** The versions of the migrations shipped in db/migration, in order (V1__…, V2__…). */
  private static List<Integer> migrationVersions() {
    try {
      return java.util.Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
          .getResources("classpath:db/migration/V*__*.sql"))
          .map(r -> Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__"))))
          .sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
