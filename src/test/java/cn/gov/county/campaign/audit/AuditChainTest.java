package cn.gov.county.campaign.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.evaluation.EvaluationModel;
import cn.gov.county.campaign.request.RequestModel;
import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import cn.gov.county.campaign.audit.AuditFinding.Kind;
import cn.gov.county.campaign.campaign.CampaignDriver;
import cn.gov.county.campaign.campaign.RestCampaignWalkthrough;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain against a real engine: a finished campaign verifies clean; rows deleted or
 * edited with SQL, history deleted through the API, chain entries edited, removed or swapped are
 * each reported in Chinese, naming the row and the chain position; a rolled-back transaction leaves
 * no entries. Every tampering touches only this class's own campaigns (the database is shared).
 */
@CampaignIntegrationTest
class AuditChainTest {

  private static final List<String> ALL_DEPARTMENTS = List.of("dept-propaganda", "dept-union", "dept-devreform",
      "dept-finance", "dept-market", "dept-education", "dept-taxation", "dept-meteorology", "dept-chengguan",
      "dept-dongfeng");
  /** The finished walkthrough campaign (run once for the class; each test's tampering is undone after it). */
  private static String finishedCampaign;

  @BeforeAll
  static void finishACampaign(@Autowired ProcessEngine engine, @LocalServerPort int port) {
    finishedCampaign = new RestCampaignWalkthrough(new CampaignRest(port), engine).runToTheEnd("审计链核验活动");
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  AuditChainVerifier verifier;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  ConfigurableApplicationContext context;

  @LocalServerPort
  int port;

  private String finishedCampaign() {
    return finishedCampaign;
  }

  @Autowired
  AuditBaseline baseline;

  /** A campaign of the finance bureau alone whose work plan was submitted; answers its code. */
  private String financeCampaignWithWorkPlan(String name) {
    CampaignDriver driver = new CampaignDriver(engine);
    return workPlanSubmitted(
        driver.launch(name, ALL_DEPARTMENTS.stream().filter(d -> !d.equals("dept-finance")).toList()));
  }

  private String workPlanSubmitted(String code) {
    CampaignDriver driver = new CampaignDriver(engine);
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
        "opinionsIssuedOn", "2026-08-03", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", "2026-08-03", "mobilizationMeetingNotes", "全县动员大会。"));
    driver.complete(driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN, "dept-finance"), "finance-liaison",
        Map.of("workPlan", "成立作风建设活动工作专班，分三步开展自查自纠。", "workPlanLeader", "分管副局长"));
    return code;
  }

  private String workPlanTaskId(String code) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(CampaignModel.SelfInspection.DRAFT_WORK_PLAN).singleResult().getId();
  }

  private static List<AuditFinding> of(AuditVerification verification, Kind kind) {
    return verification.findings().stream().filter(f -> f.kind() == kind).toList();
  }

  @Test
  void anUntouchedCampaignVerifiesClean() {
    // given
    String code = finishedCampaign();
    // when
    AuditVerification verification = verifier.verify(code);
    // then
    assertThat(verification.findings()).as(AuditReport.text(verification)).isEmpty();
    assertThat(verification.clean()).isTrue();
    assertThat(verification.checkedRows()).isGreaterThan(500);
    assertThat(verification.checkedEntries()).isGreaterThan(verification.checkedRows());
    // the campaign was launched without a code: its first events went to chain "-" and are sealed into its own
    String root = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = ?",
        String.class, code, CampaignModel.CAMPAIGN_PROCESS);
    assertThat(
        jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE chain_key = ? AND kind = 'ROOT_JOINED' "
            + "AND row_id = ?", Integer.class, code, root))
        .isEqualTo(1);
    assertThat(
        jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE chain_key = '-' AND root_instance_id = ?",
            Integer.class, root))
        .isGreaterThan(0);
    assertThat(
        jdbc.queryForObject("SELECT chain_key FROM campaign_audit_root WHERE root_instance_id = ?", String.class, root))
        .isEqualTo(code);
    // the forms submitted through /engine-rest are in the chain (and compared) as well
    assertThat(
        jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE chain_key = ? AND kind = 'FORM_PROPERTY'",
            Integer.class, code))
        .isGreaterThan(20);
    assertThat(AuditReport.text(verification)).contains("审计链核验报告：活动 " + code, "结论：未发现历史记录被删除或改动，审计链完整。");
  }

  @Test
  void shouldReportATaskRow_whenDeletedWithSql() {
    // given
    String code = financeCampaignWithWorkPlan("审计链删除任务测试");
    String taskId = workPlanTaskId(code);
    assertThat(verifier.verify(code).clean()).isTrue();
    // when
    assertThat(jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?", taskId)).isEqualTo(1);
    AuditVerification verification = verifier.verify(code);
    // then
    assertThat(verification.clean()).isFalse();
    List<AuditFinding> deleted = of(verification, Kind.ROW_DELETED);
    assertThat(deleted).hasSize(1);
    AuditFinding finding = deleted.get(0);
    assertThat(finding.table()).isEqualTo("ACT_HI_TASKINST");
    assertThat(finding.rowId()).isEqualTo(taskId);
    assertThat(finding.name()).isEqualTo("制定工作方案");
    assertThat(finding.chain()).isEqualTo(code);
    assertThat(finding.chainPosition()).isPositive();
    assertThat(finding.processInstanceId()).isNotNull();
    assertThat(finding.message()).contains("任务（ACT_HI_TASKINST）中的行 " + taskId + "「制定工作方案」", "已不存在",
        "第 " + finding.chainPosition() + " 条");
    assertThat(AuditReport.text(verification)).contains("结论：发现 1 处问题", "【历史记录被删除】");
  }

  @Test
  void shouldReportEditedValues_whenChangedInTheDatabase() {
    // given
    String code = financeCampaignWithWorkPlan("审计链改动数值测试");
    String taskId = workPlanTaskId(code);
    String processInstanceId = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult()
        .getProcessInstanceId();
    // when: the submitted work plan, its change record and who did the task are edited afterwards
    assertThat(jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE NAME_ = 'workPlan' AND PROC_INST_ID_ = ?",
        "按时完成。", processInstanceId)).isEqualTo(1);
    assertThat(jdbc.update("UPDATE ACT_HI_DETAIL SET TEXT_ = ? WHERE NAME_ = 'workPlan' AND PROC_INST_ID_ = ?",
        "按时完成。", processInstanceId)).isEqualTo(1);
    assertThat(jdbc.update("UPDATE ACT_HI_TASKINST SET ASSIGNEE_ = 'office' WHERE ID_ = ?", taskId)).isEqualTo(1);
    AuditVerification verification = verifier.verify(code);
    // then
    assertThat(verification.clean()).isFalse();
    List<AuditFinding> altered = of(verification, Kind.ROW_ALTERED);
    assertThat(altered)
        .extracting(AuditFinding::table, AuditFinding::field, AuditFinding::expected, AuditFinding::found)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ACT_HI_VARINST", "TEXT_", "成立作风建设活动工作专班，分三步开展自查自纠。", "按时完成。"),
            org.assertj.core.groups.Tuple.tuple("ACT_HI_DETAIL", "TEXT_", "成立作风建设活动工作专班，分三步开展自查自纠。", "按时完成。"),
            org.assertj.core.groups.Tuple.tuple("ACT_HI_TASKINST", "ASSIGNEE_", "finance-liaison", "office"));
    AuditFinding variable = altered.stream().filter(f -> f.table().equals("ACT_HI_VARINST")).findFirst().orElseThrow();
    assertThat(variable.name()).isEqualTo("变量 workPlan");
    assertThat(variable.processInstanceId()).isEqualTo(processInstanceId);
    assertThat(variable.message()).contains("变量当前值（ACT_HI_VARINST）中的行 " + variable.rowId() + "「变量 workPlan」",
        "「文本值」（TEXT_）与审计链不符", "记载为「成立作风建设活动工作专班，分三步开展自查自纠。」，数据库中为「按时完成。」");
    AuditFinding assignee = altered.stream().filter(f -> f.table().equals("ACT_HI_TASKINST")).findFirst().orElseThrow();
    assertThat(assignee.rowId()).isEqualTo(taskId);
    assertThat(assignee.message()).contains("「制定工作方案」", "「办理人」（ASSIGNEE_）");
  }

  @Test
  void shouldReportHistoryDeletedThroughTheApi_andWhoDeletedIt() {
    // given: a democratic evaluation recorded for the campaign (it ends at once: not flagged)
    String code = financeCampaignWithWorkPlan("审计链删除历史测试");
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("campaignCode", code);
    form.put("department", "dept-finance");
    form.put("leaderName", "审计链测试对象");
    form.put("leaderPost", "局长");
    form.put("evaluationYear", 2025);
    form.put("votesCompetent", 30);
    form.put("votesBasicallyCompetent", 0);
    form.put("votesIncompetent", 0);
    String evaluation = engine.getRuntimeService().startProcessInstanceByKey(EvaluationModel.PROCESS, form)
        .getId();
    assertThat(
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(evaluation).singleResult()
            .getEndTime())
        .isNotNull();
    assertThat(verifier.verify(code).clean()).isTrue();
    // when
    var reply = new CampaignRest(port).delete("admin", "/engine-rest/history/process-instance/" + evaluation);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    AuditVerification verification = verifier.verify(code);
    // then
    assertThat(verification.clean()).isFalse();
    List<AuditFinding> deleted = of(verification, Kind.ROW_DELETED);
    assertThat(deleted).extracting(AuditFinding::table).contains("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
        "ACT_HI_DETAIL");
    // the engine keeps the instance's decision (and its operation log): still there, still as recorded
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE chain_key = ? AND kind = "
        + "'DECISION_INSTANCE' AND process_instance_id = ?", Integer.class, code, evaluation)).isEqualTo(1);
    assertThat(deleted).extracting(AuditFinding::table).doesNotContain("ACT_HI_DECINST");
    AuditFinding instance = deleted.stream().filter(f -> f.table().equals("ACT_HI_PROCINST")).findFirst().orElseThrow();
    assertThat(instance.rowId()).isEqualTo(evaluation);
    assertThat(instance.message()).contains("流程实例（ACT_HI_PROCINST）中的行 " + evaluation, "已不存在",
        "操作日志记载：用户 admin 于", "删除了 1 个历史流程实例");
    assertThat(of(verification, Kind.RETENTION_CLEANUP)).isEmpty();
  }

  @Test
  void shouldReportAChainBreak_whenAnEntryIsEditedRemovedOrSwapped() {
    // given
    String code = financeCampaignWithWorkPlan("审计链断链测试");
    assertThat(verifier.verify(code).clean()).isTrue();
    Map<String, Object> fifth = jdbc.queryForMap("SELECT fields, prev_hash, hash FROM campaign_audit_entry "
        + "WHERE chain_key = ? AND seq = 5", code);

    // when an entry's content is edited
    jdbc.update("UPDATE campaign_audit_entry SET fields = ? WHERE chain_key = ? AND seq = 5",
        ((String) fifth.get("FIELDS")).replace("\"}", "x\"}"), code);
    // then
    AuditVerification edited = verifier.verify(code);
    assertThat(edited.clean()).isFalse();
    assertThat(of(edited, Kind.ENTRY_ALTERED)).extracting(AuditFinding::chainPosition).containsExactly(5L);
    assertThat(of(edited, Kind.ENTRY_ALTERED).get(0).message()).contains("审计链「" + code + "」第 5 条记录", "被改动");

    // when it is edited and its hash recomputed, the next entry's link breaks
    jdbc.update("UPDATE campaign_audit_entry SET fields = ?, hash = ? WHERE chain_key = ? AND seq = 5",
        fifth.get("FIELDS"), "f".repeat(64), code);
    AuditVerification rehashed = verifier.verify(code);
    assertThat(of(rehashed, Kind.CHAIN_BROKEN)).extracting(AuditFinding::chainPosition).containsExactly(6L);
    jdbc.update("UPDATE campaign_audit_entry SET hash = ? WHERE chain_key = ? AND seq = 5", fifth.get("HASH"), code);
    assertThat(verifier.verify(code).clean()).isTrue();

    // when an entry is removed
    Map<String, Object> seventh = jdbc.queryForMap("SELECT * FROM campaign_audit_entry WHERE chain_key = ? AND seq = 7",
        code);
    jdbc.update("DELETE FROM campaign_audit_entry WHERE chain_key = ? AND seq = 7", code);
    AuditVerification removed = verifier.verify(code);
    assertThat(removed.clean()).isFalse();
    assertThat(of(removed, Kind.CHAIN_BROKEN)).extracting(AuditFinding::message)
        .containsExactly("审计链「" + code + "」缺少第 7 条记录：记录被删除了。");

    // when two entries swap places
    restore(seventh);
    jdbc.update("UPDATE campaign_audit_entry SET seq = -1 WHERE chain_key = ? AND seq = 8", code);
    jdbc.update("UPDATE campaign_audit_entry SET seq = 8 WHERE chain_key = ? AND seq = 9", code);
    jdbc.update("UPDATE campaign_audit_entry SET seq = 9 WHERE chain_key = ? AND seq = -1", code);
    AuditVerification swapped = verifier.verify(code);
    assertThat(swapped.clean()).isFalse();
    assertThat(of(swapped, Kind.CHAIN_BROKEN)).extracting(AuditFinding::chainPosition).contains(8L, 9L);

    // when the last entry is removed (and the head left as it was)
    jdbc.update("UPDATE campaign_audit_entry SET seq = -1 WHERE chain_key = ? AND seq = 8", code);
    jdbc.update("UPDATE campaign_audit_entry SET seq = 8 WHERE chain_key = ? AND seq = 9", code);
    jdbc.update("UPDATE campaign_audit_entry SET seq = 9 WHERE chain_key = ? AND seq = -1", code);
    assertThat(verifier.verify(code).clean()).isTrue();
    jdbc.update("DELETE FROM campaign_audit_entry WHERE chain_key = ? AND seq = "
        + "(SELECT MAX(seq) FROM campaign_audit_entry WHERE chain_key = ?)", code, code);
    AuditVerification cut = verifier.verify(code);
    assertThat(of(cut, Kind.HEAD_MISMATCH)).hasSize(1);
    assertThat(of(cut, Kind.HEAD_MISMATCH).get(0).message()).contains("链尾的记录被删除");
  }

  private void restore(Map<String, Object> entry) {
    jdbc.update(
        "INSERT INTO campaign_audit_entry (chain_key, seq, recorded_at, kind, event_type, row_id, root_instance_id, "
            + "process_instance_id, fields, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.get("CHAIN_KEY"), entry.get("SEQ"), entry.get("RECORDED_AT"), entry.get("KIND"), entry.get("EVENT_TYPE"),
        entry.get("ROW_ID"), entry.get("ROOT_INSTANCE_ID"), entry.get("PROCESS_INSTANCE_ID"), entry.get("FIELDS"),
        entry.get("PREV_HASH"), entry.get("HASH"), entry.get("MAC"));
  }

  @Test
  void shouldLeaveNoEntries_whenTheTransactionRollsBack() {
    // given
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry", Integer.class);
    AtomicReference<String> started = new AtomicReference<>();
    Map<String, Object> request = Map.of("department", "dept-finance", "subject", "审计链回滚测试",
        "requestContent", "请对照活动实施意见报送本单位落实情况。", "dueDate", "2099-12-31");

    // when an engine command fails after the start produced history events
    var engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
        started.set(engine.getRuntimeService().startProcessInstanceByKey(RequestModel.PROCESS, request).getId());
        throw new IllegalStateException("失败");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    // then
    assertThat(started.get()).isNotNull();
    assertThat(entriesOf(started.get())).isZero();

    // when the engine has flushed its rows and the surrounding Spring transaction fails later
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        started.set(engine.getRuntimeService().startProcessInstanceByKey(RequestModel.PROCESS, request).getId());
        assertThat(
            jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = ?", Integer.class, started.get()))
            .isEqualTo(1);
        throw new IllegalStateException("失败");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    // then
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = ?", Integer.class, started.get()))
        .isZero();
    assertThat(entriesOf(started.get())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry", Integer.class)).isEqualTo(before);

    // when it commits
    String committed = engine.getRuntimeService().startProcessInstanceByKey(RequestModel.PROCESS, request)
        .getId();
    // then: an information request belongs to no campaign
    assertThat(entriesOf(committed)).isPositive();
    assertThat(jdbc.queryForList("SELECT DISTINCT chain_key FROM campaign_audit_entry WHERE root_instance_id = ?",
        String.class, committed)).containsExactly("-");
  }

  private int entriesOf(String rootInstanceId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE root_instance_id = ?", Integer.class,
        rootInstanceId);
  }

  @Test
  void processesThatNameTheCampaignJoinItsChain_othersGoToTheChainOfNoCampaign() {
    // given
    String code = financeCampaignWithWorkPlan("审计链归属测试");
    CampaignDriver driver = new CampaignDriver(engine);
    // when: a problem assigned to the campaign (its business key is set one transaction later, by a job)
    String assignment = engine.getRuntimeService()
        .startProcessInstanceByKey(CampaignModel.PROBLEM_ASSIGNMENT_PROCESS, Map.of(
            "campaignCode", code, "problemDepartment", "dept-finance", "problemSource", "office",
            "problemDescription", "窗口服务态度生硬，群众反映强烈。", "problemCause", "宗旨意识淡薄"))
        .getId();
    driver.runJobs();
    // and a democratic evaluation of no campaign
    Map<String, Object> form = new LinkedHashMap<>();
    form.putAll(Map.of("campaignCode", "", "department", "dept-market", "leaderName", "审计链归属测试对象",
        "leaderPost", "局长", "evaluationYear", 2025, "votesCompetent", 30, "votesBasicallyCompetent", 0,
        "votesIncompetent", 0));
    String evaluation = engine.getRuntimeService().startProcessInstanceByKey(EvaluationModel.PROCESS, form)
        .getId();
    // then
    assertThat(chainsOf(assignment)).containsExactly(code);
    String item = jdbc.queryForObject("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = "
        + "'" + CampaignModel.RECTIFICATION_ITEM_PROCESS + "'", String.class, code);
    assertThat(chainsOf(item)).as("the problem's rectification item, a root of its own").containsExactly(code);
    assertThat(chainsOf(evaluation)).containsExactly("-");
    assertThat(verifier.verify(code).findings()).isEmpty();
  }

  private List<String> chainsOf(String rootInstanceId) {
    return jdbc.queryForList("SELECT DISTINCT chain_key FROM campaign_audit_entry WHERE root_instance_id = ?",
        String.class, rootInstanceId);
  }

  @Test
  void departmentsWorkingAtTheSameTimeAppendToOneChainInTurn() throws Exception {
    // given a campaign of every department, each with its work plan open
    CampaignDriver driver = new CampaignDriver(engine);
    String code = driver.launch("审计链并发测试", List.of());
    driver.complete(driver.open(code, CampaignModel.Campaign.RECORD_MOBILIZATION).get(0), "office", Map.of(
        "opinionsIssuedOn", "2026-08-03", "opinionsTitle", "关于开展机关作风建设活动的实施意见",
        "mobilizationMeetingOn", "2026-08-03", "mobilizationMeetingNotes", "全县动员大会。"));
    List<Task> plans = driver.open(code, CampaignModel.SelfInspection.DRAFT_WORK_PLAN);
    assertThat(plans).hasSize(ALL_DEPARTMENTS.size());
    long before = jdbc.queryForObject("SELECT last_seq FROM campaign_audit_head WHERE chain_key = ?", Long.class, code);

    // when ten departments submit at once
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (Task plan : plans) {
        done.add(pool.submit(() -> {
          engine.getTaskService().claim(plan.getId(), "office");
          engine.getTaskService().complete(plan.getId(), Map.of("workPlan", "成立工作专班，分三步开展自查自纠。",
              "workPlanLeader", "分管副局长"));
        }));
      }
      for (var f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    driver.runJobs();

    // then every transaction appended after the one before it, and the chain verifies
    assertThat(jdbc.queryForObject("SELECT last_seq FROM campaign_audit_head WHERE chain_key = ?", Long.class, code))
        .isGreaterThan(before + 10 * 5);
    AuditVerification verification = verifier.verify(code);
    assertThat(verification.findings()).as(AuditReport.text(verification)).isEmpty();
  }

  @Test
  void historyFromBeforeTheChainIsSealedAsFound_andProtectedFromThenOn() {
    // given a campaign (launched with its code, so all its events are in its own chain) ...
    CampaignDriver driver = new CampaignDriver(engine);
    String code = "ZG-2026-BL" + Long.toString(System.nanoTime() % 1000, 36).toUpperCase();
    Map<String, Object> form = new java.util.HashMap<>(CampaignDriver.launchForm("审计链封存测试",
        ALL_DEPARTMENTS.stream().filter(d -> !d.equals("dept-finance")).toList()));
    form.put("campaignCode", code);
    engine.getRuntimeService().startProcessInstanceByKey(CampaignModel.CAMPAIGN_PROCESS, form);
    driver.runJobs();
    workPlanSubmitted(code);
    List<String> roots = jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
        + "AND ID_ = ROOT_PROC_INST_ID_", String.class, code);
    assertThat(
        jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_entry WHERE chain_key = '-' AND root_instance_id IN ("
            + AuditChainWriter.placeholders(roots.size()) + ")", Integer.class, roots.toArray()))
        .isZero();
    // ... whose history was written before the chain existed
    jdbc.update("DELETE FROM campaign_audit_entry WHERE chain_key = ?", code);
    jdbc.update("DELETE FROM campaign_audit_head WHERE chain_key = ?", code);
    jdbc.update("DELETE FROM campaign_audit_root WHERE chain_key = ?", code);
    assertThat(of(verifier.verify(code), Kind.ROW_NOT_IN_CHAIN)).hasSizeGreaterThan(50);

    // when it is sealed (at the first start with the chain)
    int sealed = new TransactionTemplate(transactions).execute(status -> baseline.seal(roots));
    // then it verifies clean, and later work continues the chain
    assertThat(sealed).isGreaterThan(50);
    assertThat(verifier.verify(code).findings()).isEmpty();
    driver.complete(driver.open(code, CampaignModel.SelfInspection.RECORD_DISCUSSION, "dept-finance"),
        "finance-liaison",
        Map.of("discussionParticipants", 36, "discussionOutcome", "围绕什么是在状态开展讨论，形成共识。"));
    assertThat(verifier.verify(code).findings()).isEmpty();

    // when a sealed value is edited afterwards
    jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = '按时完成。' WHERE NAME_ = 'workPlan' AND ROOT_PROC_INST_ID_ IN ("
        + AuditChainWriter.placeholders(roots.size()) + ")", roots.toArray());
    // then it is reported
    assertThat(of(verifier.verify(code), Kind.ROW_ALTERED)).extracting(AuditFinding::table, AuditFinding::found)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ACT_HI_VARINST", "按时完成。"));
  }

  @Autowired
  HistoryRows historyRows;

  @Autowired
  AuditKeys keys;

  private AuditChainVerifier verifierWith(AuditKeys otherKeys) {
    return new AuditChainVerifier(jdbc, historyRows, otherKeys, transactions);
  }

  /**
   * Whoever can write the database but does not hold the key: changes who did the work plan in the
   * history and in the chain, recomputes every hash after it and the head. The hash chain alone is
   * consistent again; the signatures are not.
   */
  @Test
  void aRewrittenChainWithRecomputedHashesIsFoundByItsKeyedSignatures() {
    // given
    String code = financeCampaignWithWorkPlan("审计链重算哈希测试");
    String taskId = workPlanTaskId(code);
    AuditVerification before = verifier.verify(code);
    assertThat(before.clean()).isTrue();
    assertThat(before.protection()).contains("受密钥保护", "密钥「test-2026」签名核验通过");

    // when: the assignee is changed in the history and in every chain entry of that task, and the chain recomputed
    jdbc.update("UPDATE ACT_HI_TASKINST SET ASSIGNEE_ = 'office' WHERE ID_ = ?", taskId);
    List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM campaign_audit_entry WHERE chain_key = ? "
        + "ORDER BY seq", code);
    long first = entries.stream()
        .filter(e -> taskId.equals(e.get("ROW_ID")) && ((String) e.get("FIELDS")).contains("finance-liaison"))
        .mapToLong(e -> ((Number) e.get("SEQ")).longValue()).min().orElseThrow();
    String prev = null;
    for (Map<String, Object> e : entries) {
      long seq = ((Number) e.get("SEQ")).longValue();
      if (seq < first) {
        prev = (String) e.get("HASH");
        continue;
      }
      String fields = (String) e.get("FIELDS");
      if (taskId.equals(e.get("ROW_ID"))) {
        fields = fields.replace("finance-liaison", "office");
      }
      AuditEntry rewritten = new AuditEntry(code, seq, ((Number) e.get("RECORDED_AT")).longValue(),
          (String) e.get("KIND"),
          (String) e.get("EVENT_TYPE"), (String) e.get("ROW_ID"), (String) e.get("ROOT_INSTANCE_ID"),
          (String) e.get("PROCESS_INSTANCE_ID"), fields, prev, null);
      prev = rewritten.computeHash();
      jdbc.update("UPDATE campaign_audit_entry SET fields = ?, prev_hash = ?, hash = ? WHERE chain_key = ? AND seq = ?",
          fields, rewritten.prevHash(), prev, code, seq);
    }
    jdbc.update("UPDATE campaign_audit_head SET last_hash = ? WHERE chain_key = ?", prev, code);

    // then: without the key the rewrite goes unnoticed, and the report says why
    AuditVerification unkeyed = verifierWith(AuditKeys.none()).verify(code);
    assertThat(unkeyed.clean()).isTrue();
    assertThat(unkeyed.protection()).contains("未配置审计密钥", "可以重算整条链而不被发现");
    // and: with the key every rewritten entry and the head are reported, naming their positions
    AuditVerification keyed = verifier.verify(code);
    assertThat(keyed.clean()).isFalse();
    List<AuditFinding> signatures = of(keyed, Kind.SIGNATURE_INVALID);
    assertThat(signatures).extracting(AuditFinding::chainPosition).first().isEqualTo(first);
    assertThat(signatures).hasSize((int) (entries.size() - first + 1));
    assertThat(signatures.get(0).message()).contains("审计链「" + code + "」第 " + first + " 条记录", "重新计算了哈希");
    assertThat(of(keyed, Kind.HEAD_MISMATCH)).extracting(AuditFinding::message)
        .containsExactly("审计链「" + code + "」链头的密钥签名不符：链头被改写了。");
    assertThat(of(keyed, Kind.CHAIN_BROKEN)).isEmpty();
    assertThat(AuditReport.text(keyed)).contains("保护方式：受密钥保护", "【审计链密钥签名不符】");
  }

  @Test
  void entriesSignedWithAnEarlierKeyVerifyWhileThatKeyIsKept_andAreReportedOnceItIsGone() {
    // given: the campaign's first entries were signed before the key was rotated (test-2025 → test-2026)
    String code = financeCampaignWithWorkPlan("审计链密钥轮换测试");
    AuditKeys previous = new AuditKeys("test-2025", keys.previousKeys().get("test-2025"), null);
    List<Map<String, Object>> early = jdbc
        .queryForList("SELECT seq, hash FROM campaign_audit_entry WHERE chain_key = ? "
            + "AND seq <= 3", code);
    early.forEach(e -> jdbc.update("UPDATE campaign_audit_entry SET mac = ? WHERE chain_key = ? AND seq = ?",
        previous.sign((String) e.get("HASH")), code, e.get("SEQ")));

    // when / then: with the earlier key configured as previous key, the chain verifies clean and says so
    AuditVerification rotated = verifier.verify(code);
    assertThat(rotated.clean()).isTrue();
    assertThat(rotated.protection()).contains("密钥「test-2025」签名核验通过 3 条", "密钥「test-2026」签名核验通过");
    // when the earlier key is dropped from the configuration
    AuditVerification dropped = verifierWith(new AuditKeys(keys.keyId(), keys.key(), java.util.Map.of())).verify(code);
    assertThat(dropped.clean()).isFalse();
    assertThat(of(dropped, Kind.SIGNATURE_INVALID)).extracting(AuditFinding::chainPosition).containsExactly(1L, 2L, 3L);
    assertThat(of(dropped, Kind.SIGNATURE_INVALID).get(0).message()).contains("以密钥「test-2025」签名，但该密钥未配置");
  }

  @Test
  void theReviewEndpointAnswersReadersOnly_andChangesNothing() {
    // given
    String code = finishedCampaign();
    CampaignRest rest = new CampaignRest(port);
    String path = "/campaign/api/review/campaigns/" + code + "/verification";
    Map<String, Object> head = jdbc
        .queryForMap("SELECT last_seq, last_hash FROM campaign_audit_head WHERE chain_key = ?", code);
    int operations = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_OP_LOG", Integer.class);

    // when / then
    var json = rest.get("auditor", path);
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.json().path("clean").asBoolean()).isTrue();
    assertThat(json.json().path("chain").asText()).isEqualTo(code);
    assertThat(json.json().path("checkedRows").asInt()).isGreaterThan(500);
    assertThat(json.json().path("findings")).isEmpty();

    var text = rest.get("auditor", path + "?format=text");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.body()).contains("审计链核验报告：活动 " + code, "结论：未发现历史记录被删除或改动，审计链完整。");

    assertThat(rest.get("office", path).status()).isEqualTo(200);
    var department = rest.get("finance-liaison", path);
    assertThat(department.status()).isEqualTo(403);
    assertThat(department.body()).isEqualTo("审计链核验仅供活动办公室和审查、监督部门使用。");
    var unknown = rest.get("auditor", "/campaign/api/review/campaigns/ZG-2026-NONE/verification");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("没有编号为 ZG-2026-NONE 的整改活动。");
    assertThat(rest.get(null, path).status()).isEqualTo(401);

    assertThat(rest.post("auditor", path, "{}").status()).isEqualTo(405);
    assertThat(rest.put("auditor", path, "{}").status()).isEqualTo(405);
    assertThat(rest.delete("admin", path).status()).isEqualTo(405);
    assertThat(jdbc.queryForMap("SELECT last_seq, last_hash FROM campaign_audit_head WHERE chain_key = ?", code))
        .isEqualTo(head);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_OP_LOG", Integer.class)).isEqualTo(operations);
  }

  @Test
  void theShellRunnerPrintsTheReport_andExitsWithTheVerdict() {
    // given
    AuditVerificationRunner runner = new AuditVerificationRunner(verifier, context.getEnvironment(), context);
    String clean = finishedCampaign();
    String tampered = financeCampaignWithWorkPlan("审计链命令行测试");
    jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE ID_ = ?", workPlanTaskId(tampered));

    // when / then
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(runner.verifyAndReport(clean, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(AuditVerificationRunner.CLEAN);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("结论：未发现历史记录被删除或改动");

    out.reset();
    assertThat(runner.verifyAndReport(tampered, new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(AuditVerificationRunner.FINDINGS);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("结论：发现 1 处问题", "制定工作方案");

    out.reset();
    assertThat(runner.verifyAndReport("ZG-2026-NONE", new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(AuditVerificationRunner.UNKNOWN);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("没有编号为 ZG-2026-NONE 的整改活动。");

    out.reset();
    assertThat(runner.verifyAndReport("ALL", new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(AuditVerificationRunner.FINDINGS);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("审计链核验报告：活动 " + clean,
        "审计链核验报告：不属于任何活动的记录（审计链「-」）");
  }
}
