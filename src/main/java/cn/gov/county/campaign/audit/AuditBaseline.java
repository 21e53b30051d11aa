package cn.gov.county.campaign.audit;

import static cn.gov.county.campaign.audit.AuditChainWriter.placeholders;

import cn.gov.county.campaign.system.EngineInternals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History written before the audit chain existed (an installation that ran an earlier version) is
 * sealed once, at the first start with the chain: every history row of a root instance that no
 * chain entry records is appended as found (event type "baseline") to its campaign's chain, so the
 * verifier protects it from that day on (what happened to it before cannot be known). Runs while
 * the application starts, before the web server and the job executor (nothing else writes
 * meanwhile), in transactions of {@value #ROOTS_PER_TRANSACTION} root instances; never in a
 * verification run from the shell.
 */
@Component
class AuditBaseline implements SmartInitializingSingleton {

  static final String BASELINE = "baseline";
  static final int ROOTS_PER_TRANSACTION = 100;
  private static final Logger LOG = LoggerFactory.getLogger(AuditBaseline.class);

  private final JdbcTemplate jdbc;
  private final HistoryRows rows;
  private final AuditChainWriter writer;
  private final TransactionTemplate transaction;
  private final Environment environment;

  AuditBaseline(JdbcTemplate jdbc, HistoryRows rows, AuditChainWriter writer, PlatformTransactionManager transactions,
      Environment environment) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.writer = writer;
    this.transaction = new TransactionTemplate(transactions);
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (environment.getProperty(AuditVerifyEnvironment.PROPERTY) != null
        || jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_baseline", Integer.class) > 0) {
      return;
    }
    List<String> roots = jdbc.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE ID_ = ROOT_PROC_INST_ID_ "
        + "ORDER BY START_TIME_, ID_", String.class);
    long entries = 0;
    for (int from = 0; from < roots.size(); from += ROOTS_PER_TRANSACTION) {
      List<String> chunk = roots.subList(from, Math.min(roots.size(), from + ROOTS_PER_TRANSACTION));
      entries += transaction.execute(status -> seal(chunk));
    }
    jdbc.update("INSERT INTO campaign_audit_baseline (sealed_at, root_instances, entries) VALUES (?, ?, ?)",
        EngineInternals.now().toEpochMilli(), roots.size(), entries);
    if (entries > 0) {
      LOG.info("审计链：已将启用前的历史记录封存入链，{} 个根流程实例，{} 条记录 / sealed {} history rows of {} root instances "
          + "written before the audit chain", roots.size(), entries, entries, roots.size());
    }
  }

  /** Appends the rows of these root instances that no entry records; answers how many. */
  int seal(List<String> roots) {
    Set<HistoryRows.Key> recorded = new HashSet<>();
    Set<String> recordedVariables = new HashSet<>();
    jdbc.query("SELECT kind, row_id, fields FROM campaign_audit_entry WHERE root_instance_id IN ("
        + placeholders(roots.size()) + ")", rs -> {
          AuditEntry entry = new AuditEntry(null, 0, 0, rs.getString(1), null, rs.getString(2), null, null,
              rs.getString(3), null, null);
          recorded.add(new HistoryRows.Key(entry.auditKind(), entry.rowId()));
          if (entry.auditKind() == AuditKind.VARIABLE_UPDATE) {
            recordedVariables.add(entry.fieldMap().get("variableInstanceId"));
          }
        }, roots.toArray());
    List<AuditEvent> events = new ArrayList<>();
    for (AuditKind kind : HistoryRows.TABLES) {
      rows.byRoot(kind, roots, (key, row) -> {
        if (recorded.contains(key) || kind == AuditKind.VARIABLE_INSTANCE && recordedVariables.contains(key.rowId())) {
          return;
        }
        SortedMap<String, String> fields = new TreeMap<>(row.fields());
        String processInstanceId = kind == AuditKind.PROCESS_INSTANCE ? key.rowId() : fields.get("processInstanceId");
        String hint = null;
        boolean hintIsVariable = false;
        if (kind == AuditKind.PROCESS_INSTANCE && key.rowId().equals(row.rootId())) {
          if (row.removalTime() != null) {
            fields.put("removalTime", row.removalTime());
          }
          hint = fields.get("businessKey");
        } else if (kind == AuditKind.VARIABLE_INSTANCE
            && HistorySnapshots.CAMPAIGN_CODE_VARIABLE.equals(fields.get("name"))
            && "string".equals(fields.get("serializer")) && fields.get("text") != null
            && !fields.get("text").isBlank()) {
          hint = fields.get("text").strip();
          hintIsVariable = true;
        }
        events.add(new AuditEvent(kind, BASELINE, key.rowId(), row.rootId(), processInstanceId, fields, hint,
            hintIsVariable));
      });
    }
    writer.append(events);
    return events.size();
  }
}
