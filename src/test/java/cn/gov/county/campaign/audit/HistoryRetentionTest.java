package cn.gov.county.campaign.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.evaluation.EvaluationModel;
import cn.gov.county.campaign.CampaignApplication;
import cn.gov.county.campaign.bulletin.BulletinModel;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.audit.AuditFinding.Kind;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History cleanup by time to live against the retention of a campaign, in an application of its
 * own (a cleanup 30 years ahead would empty the history the shared test database holds): the
 * engine stamps a campaign's rows with end + 10958 days only when the root instance ends; cleanup
 * before then removes nothing, after then removes the finished campaign and leaves a running one
 * alone; the chain records the cleanup, so the verifier reports the rows as 按保存期限清理, not as
 * tampering.
 */
@Tag("own-application")
class HistoryRetentionTest {

  private static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT",
      "ACT_HI_DECINST");
  private static final long TTL_DAYS = 10958;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void cleanupRemovesACampaignOnlyAfterItsRetention_andTheVerifierSaysSo() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CampaignApplication.class)
        .profiles("test").run(
            "--spring.datasource.url=jdbc:h2:mem:audit-retention;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            // the engine keeps its name "default": the walkthrough drives it through /engine-rest
            "--server.port=0")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      AuditChainVerifier verifier = context.getBean(AuditChainVerifier.class);
      int port = context.getEnvironment().getProperty("local.server.port", Integer.class);

      // given a finished campaign and a running one
      String finished = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("保存期限测试活动");
      String running = new CampaignDriver(engine).launch("保存期限未到活动", List.of("dept-propaganda", "dept-union",
          "dept-devreform", "dept-market", "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan",
          "dept-dongfeng"));
      // the walkthrough's clock passed a month's start: the bulletins and reports it asked for are discarded, so
      // that every root of the finished campaign has ended
      BulletinModel.REPORTS.forEach(report -> engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(report).list()
          .forEach(b -> engine.getRuntimeService().deleteProcessInstance(b.getId(), "不再通报", true, true)));
      List<Map<String, Object>> finishedRoots = jdbc.queryForList("SELECT ID_, END_TIME_ FROM ACT_HI_PROCINST "
          + "WHERE BUSINESS_KEY_ = ? AND ID_ = ROOT_PROC_INST_ID_", finished);
      assertThat(finishedRoots).hasSizeGreaterThan(1).allSatisfy(root -> assertThat(root.get("END_TIME_")).isNotNull());
      String runningRoot = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
          + "AND PROC_DEF_KEY_ = '" + CampaignModel.CAMPAIGN_PROCESS + "'", String.class, running);

      // then every row of a finished root instance (its called instances' too) may be removed 10958 days after its end
      Instant latestRemoval = Instant.EPOCH;
      Instant earliestRemoval = Instant.MAX;
      for (Map<String, Object> root : finishedRoots) {
        Date removal = removalTime((Timestamp) root.get("END_TIME_"));
        for (String table : TABLES) {
          assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ? AND "
              + "(REMOVAL_TIME_ IS NULL OR REMOVAL_TIME_ <> ?)", Integer.class, root.get("ID_"), removal))
              .as(table + " rows of " + root.get("ID_") + " removable at " + removal).isZero();
        }
        latestRemoval = latestRemoval.isAfter(removal.toInstant()) ? latestRemoval : removal.toInstant();
        earliestRemoval = earliestRemoval.isBefore(removal.toInstant()) ? earliestRemoval : removal.toInstant();
      }
      // and no row of a running campaign has a removal time, not even of its finished work
      for (String table : TABLES) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ? AND "
            + "REMOVAL_TIME_ IS NOT NULL", Integer.class, runningRoot)).as(table).isZero();
      }
      // and a decision evaluated outside any process (as a delegate's DecisionService call): removable 10958 days after
      Map<String, Object> votes = new java.util.HashMap<>();
      votes.put("votesTotal", 30);
      votes.put("votesBasicOrIncompetent", 0);
      votes.put("votesIncompetent", 0);
      votes.put("previousVotesTotal", null);
      votes.put("previousVotesIncompetent", null);
      votes.put("isTeamHead", false);
      votes.put("unitGrade", null);
      votes.put("previousUnitGrade", null);
      // (evaluated when the campaign ended: the walkthrough ran its phases on their dates, weeks ahead)
      Timestamp campaignEnded = finishedRoots.stream().map(root -> (Timestamp) root.get("END_TIME_"))
          .max(Timestamp::compareTo).orElseThrow();
      ClockUtil.setCurrentTime(new Date(campaignEnded.getTime()));
      engine.getDecisionService().evaluateDecisionTableByKey(EvaluationModel.DECISION, votes);
      ClockUtil.reset();
      String decision = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_DECINST WHERE ROOT_PROC_INST_ID_ IS NULL "
          + "AND PROC_INST_ID_ IS NULL", String.class);
      Map<String, Integer> finishedRows = rows(jdbc, finished);
      Map<String, Integer> runningRows = rows(jdbc, running);
      assertThat(finishedRows.get("ACT_HI_TASKINST")).isPositive();

      // when the cleanup runs an hour before the retention has passed
      ClockUtil.setCurrentTime(Date.from(earliestRemoval.minus(Duration.ofHours(1))));
      cleanUp(engine);
      // then nothing is removed
      assertThat(rows(jdbc, finished)).isEqualTo(finishedRows);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DECINST WHERE ID_ = ?", Integer.class, decision))
          .isOne();
      assertThat(rows(jdbc, running)).isEqualTo(runningRows);
      AuditVerification before = verifier.verify(finished);
      assertThat(before.findings()).as(AuditReport.text(before)).isEmpty();

      // when it runs a day after
      Instant cleanupTime = latestRemoval.plus(Duration.ofDays(1));
      ClockUtil.setCurrentTime(Date.from(cleanupTime));
      cleanUp(engine);
      // then the finished campaign's history is gone, the running campaign's is all there
      assertThat(rows(jdbc, finished).values()).allMatch(n -> n == 0);
      assertThat(rows(jdbc, running)).isEqualTo(runningRows);
      // and the verifier reports retention, not tampering, with when
      AuditVerification after = verifier.verify(finished);
      System.out.println(AuditReport.text(after));
      assertThat(after.clean()).isTrue();
      assertThat(after.findings()).isNotEmpty().allMatch(f -> f.kind() == Kind.RETENTION_CLEANUP);
      assertThat(after.findings()).extracting(AuditFinding::rowId)
          .containsExactlyInAnyOrderElementsOf(finishedRoots.stream().map(r -> (String) r.get("ID_")).toList());
      assertThat(after.findings().get(0).message()).contains("已按保存期限清理", "执行了历史清理",
          AuditChainVerifier.time(Long.toString(cleanupTime.toEpochMilli())).substring(0, 16));
      assertThat(AuditReport.text(after)).contains("结论：未发现历史记录被删除或改动", "按保存期限清理（不属于篡改）：");
      assertThat(verifier.verify(running).clean()).isTrue();
      // the decision outside any process was cleaned as well, and the chain of no campaign says so
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DECINST WHERE ID_ = ?", Integer.class, decision))
          .isZero();
      AuditVerification noCampaign = verifier.verifyAll().stream().filter(v -> v.chain().equals("-")).findFirst()
          .orElseThrow();
      // (besides it, only the bulletin and report timers' own runs, which belong to no campaign, were cleaned there)
      assertThat(noCampaign.findings()).as(AuditReport.text(noCampaign))
          .allMatch(f -> f.kind() == Kind.RETENTION_CLEANUP)
          .anySatisfy(f -> assertThat(f.message()).startsWith("不属于任何流程实例的 1 行历史记录（决策实例（ACT_HI_DECINST） 1 行）已按保存期限清理"));
      assertThat(noCampaign.findings()).filteredOn(f -> f.processInstanceId() != null).allSatisfy(f -> assertThat(
          engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(f.processInstanceId())
              .count())
          .isZero());
      assertThat(noCampaign.clean()).isTrue();
    }
  }

  /** As the engine computes it: the end plus the time to live in days (Calendar, the JVM's zone). */
  private static Date removalTime(Timestamp end) {
    java.util.Calendar calendar = java.util.Calendar.getInstance();
    calendar.setTime(end);
    calendar.add(java.util.Calendar.DATE, (int) TTL_DAYS);
    return calendar.getTime();
  }

  /** Runs the history cleanup job until a run removes nothing more. */
  private static void cleanUp(ProcessEngine engine) {
    for (int run = 0; run < 20; run++) {
      Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
      long before = engine.getHistoryService().createHistoricActivityInstanceQuery().count()
          + engine.getHistoryService().createHistoricDetailQuery().count();
      engine.getManagementService().executeJob(job.getId());
      long after = engine.getHistoryService().createHistoricActivityInstanceQuery().count()
          + engine.getHistoryService().createHistoricDetailQuery().count();
      if (after == before) {
        return;
      }
    }
  }

  private static Map<String, Integer> rows(JdbcTemplate jdbc, String campaign) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ IN "
          + "(SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND ID_ = ROOT_PROC_INST_ID_)", Integer.class,
          campaign));
    }
    return rows;
  }
}
