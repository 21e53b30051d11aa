package cn.gov.county.campaign.audit;

import static cn.gov.county.campaign.audit.AuditChainWriter.NO_CAMPAIGN;
import static cn.gov.county.campaign.audit.AuditChainWriter.placeholders;

import cn.gov.county.campaign.audit.AuditFinding.Kind;
import cn.gov.county.campaign.campaign.CampaignModel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-reads a campaign's audit chain and its history and reports, in Chinese, every history row
 * deleted or altered after the fact and every break in the chain. Rows are read with JDBC in bulk
 * per table (chunks of root instances), in one read-only repeatable-read transaction so that work
 * going on meanwhile does not look like tampering. Writes nothing.
 */
@Service
public class AuditChainVerifier {

  private static final int IN_CHUNK = 500;
  /** Groups cleaned rows that belong to no process instance (decisions evaluated outside a process). */
  private static final String NO_ROOT = "";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(CHINA);

  private final JdbcTemplate jdbc;
  private final HistoryRows rows;
  private final AuditKeys keys;
  private final TransactionTemplate readOnly;

  AuditChainVerifier(JdbcTemplate jdbc, HistoryRows rows, AuditKeys keys, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.keys = keys;
    this.readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** Whether there is such a campaign: its chain, or a campaign instance in history. */
  public boolean knows(String campaignCode) {
    if (campaignCode == null || campaignCode.isBlank() || NO_CAMPAIGN.equals(campaignCode)) {
      return false;
    }
    return count("SELECT COUNT(*) FROM campaign_audit_head WHERE chain_key = ?", campaignCode) > 0
        || count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = ?", campaignCode,
            CampaignModel.CAMPAIGN_PROCESS) > 0;
  }

  /** Verifies one campaign's chain and history; see {@link #knows} for whether the campaign exists. */
  public AuditVerification verify(String campaignCode) {
    return readOnly.execute(status -> verifyCampaign(campaignCode));
  }

  /** Every campaign's chain, then the chain of events that belong to no campaign. */
  public List<AuditVerification> verifyAll() {
    return readOnly.execute(status -> {
      TreeSet<String> chains = new TreeSet<>(
          jdbc.queryForList("SELECT chain_key FROM campaign_audit_head", String.class));
      chains.addAll(jdbc.queryForList("SELECT DISTINCT chain_key FROM campaign_audit_entry", String.class));
      List<AuditVerification> results = new ArrayList<>();
      for (String chain : chains) {
        if (!NO_CAMPAIGN.equals(chain)) {
          results.add(verifyCampaign(chain));
        }
      }
      results.add(verifyNoCampaign());
      return results;
    });
  }

  // ---- one chain ---------------------------------------------------------------------------

  private AuditVerification verifyCampaign(String code) {
    Findings findings = new Findings();
    List<AuditEntry> chain = readChain(code);
    Head head = checkLinks(code, chain, findings);

    Set<String> roots = new TreeSet<>(jdbc.queryForList(
        "SELECT root_instance_id FROM campaign_audit_root WHERE chain_key = ?", String.class, code));
    chain.stream().map(AuditEntry::rootId).filter(Objects::nonNull).forEach(roots::add);
    roots.addAll(jdbc.queryForList("SELECT DISTINCT ROOT_PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
        + "AND ROOT_PROC_INST_ID_ IS NOT NULL", String.class, code));

    // the roots' entries in chain "-" from before they joined the campaign, sealed by ROOT_JOINED
    List<AuditEntry> earlier = sealedEntries(chain, roots, findings);
    List<AuditEntry> all = new ArrayList<>(earlier);
    all.addAll(chain);
    int checked = all.size();
    Context context = context(findings);
    checked += context.checkedEntries;
    int rows = compareRows(all, roots, Set.of(), context, findings);
    rows += compareEvidence(code, all, findings);
    return result(code, findings, checked, rows, head);
  }

  private AuditVerification verifyNoCampaign() {
    Findings findings = new Findings();
    List<AuditEntry> chain = readChain(NO_CAMPAIGN);
    Head head = checkLinks(NO_CAMPAIGN, chain, findings);
    Set<String> joined = new HashSet<>(jdbc.queryForList(
        "SELECT root_instance_id FROM campaign_audit_root WHERE chain_key <> ?", String.class, NO_CAMPAIGN));
    List<AuditEntry> own = chain.stream().filter(e -> e.rootId() == null || !joined.contains(e.rootId())).toList();
    Set<String> roots = new TreeSet<>();
    own.stream().map(AuditEntry::rootId).filter(Objects::nonNull).forEach(roots::add);
    Set<String> byId = new HashSet<>();
    own.stream().filter(e -> e.rootId() == null && e.rowId() != null).forEach(e -> byId.add(e.rowId()));
    int rows = compareRows(own, roots, byId, context(findings), findings);
    return result(NO_CAMPAIGN, findings, chain.size(), rows, head);
  }

  private AuditVerification result(String chain, Findings findings, int checked, int rows, Head head) {
    boolean clean = findings.list.stream().noneMatch(f -> f.kind().tampering);
    return new AuditVerification(chain, clean, checked, rows, List.copyOf(findings.list),
        head == null ? 0 : head.seq, head == null ? null : head.hash, Instant.now(), findings.protection);
  }

  private List<AuditEntry> readChain(String chain) {
    return jdbc.query("SELECT chain_key, seq, recorded_at, kind, event_type, row_id, root_instance_id, "
        + "process_instance_id, fields, prev_hash, hash FROM campaign_audit_entry WHERE chain_key = ? ORDER BY seq",
        (rs, i) -> new AuditEntry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
        chain);
  }

  private record Head(long seq, String hash) {
  }

  /** Positions without gaps, each entry's hash over its content, each link to the previous hash, the head. */
  private Head checkLinks(String chain, List<AuditEntry> entries, Findings findings) {
    long expectedSeq = 1;
    String previous = AuditEntry.GENESIS;
    for (AuditEntry e : entries) {
      if (e.seq() != expectedSeq) {
        findings.add(Kind.CHAIN_BROKEN, null, null, null, null, null, "第 " + expectedSeq + " 条", "第 " + e.seq() + " 条",
            chain, e.seq(),
            "审计链「" + chain + "」缺少第 " + expectedSeq + (e.seq() - 1 > expectedSeq ? " 至 " + (e.seq() - 1) : "")
                + " 条记录：记录被删除了。");
      } else if (!previous.equals(e.prevHash())) {
        findings.add(Kind.CHAIN_BROKEN, null, null, null, null, null, previous, e.prevHash(), chain, e.seq(),
            "审计链「" + chain + "」第 " + e.seq() + " 条记录所记的前一哈希与第 " + (e.seq() - 1)
                + " 条记录不符：其间的记录被删除、插入、改动或调换了顺序。");
      }
      if (!e.computeHash().equals(e.hash())) {
        findings.add(Kind.ENTRY_ALTERED, null, e.rowId(), e.processInstanceId(), null, null, e.hash(), e.computeHash(),
            chain, e.seq(), "审计链「" + chain + "」第 " + e.seq() + " 条记录（" + e.auditKind().describe() + " " + nz(e.rowId())
                + "）被改动：按其内容算出的哈希值与记载的不符。");
      }
      previous = e.hash();
      expectedSeq = e.seq() + 1;
    }
    List<Head> heads = jdbc.query("SELECT last_seq, last_hash FROM campaign_audit_head WHERE chain_key = ?",
        (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), chain);
    long lastSeq = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    String lastHash = entries.isEmpty() ? AuditEntry.GENESIS : entries.get(entries.size() - 1).hash();
    if (heads.isEmpty()) {
      if (!entries.isEmpty()) {
        findings.add(Kind.HEAD_MISMATCH, null, null, null, null, null, null, "第 " + lastSeq + " 条", chain, lastSeq,
            "审计链「" + chain + "」的链头记录缺失。");
      }
      return new Head(lastSeq, lastHash);
    }
    Head head = heads.get(0);
    if (head.seq != lastSeq || !head.hash.equals(lastHash)) {
      findings.add(Kind.HEAD_MISMATCH, null, null, null, null, null,
          "第 " + head.seq + " 条（" + shortHash(head.hash) + "）",
          "第 " + lastSeq + " 条（" + shortHash(lastHash) + "）", chain, head.seq,
          "审计链「" + chain + "」的链头记载最后一条为第 " + head.seq + " 条，实际最后一条为第 " + lastSeq
              + " 条或其哈希不同：链尾的记录被删除、追加或改动了。");
    }
    checkSignatures(chain, entries, head, findings);
    return head;
  }

  /**
   * The keyed MACs of the entries and the head (see {@link AuditKeys}): without them, whoever can
   * write the database could edit an entry and recompute every hash after it and the head.
   */
  private void checkSignatures(String chain, List<AuditEntry> entries, Head head, Findings findings) {
    Map<Long, String> macs = new HashMap<>();
    jdbc.query("SELECT seq, mac FROM campaign_audit_entry WHERE chain_key = ?", rs -> {
      macs.put(rs.getLong(1), rs.getString(2));
    }, chain);
    List<String> headMac = jdbc.query("SELECT last_mac FROM campaign_audit_head WHERE chain_key = ?",
        (rs, i) -> rs.getString(1), chain);
    if (keys.all().isEmpty()) {
      long signed = macs.values().stream().filter(Objects::nonNull).count();
      findings.protection = "未配置审计密钥（CAMPAIGN_AUDIT_KEY）：只受哈希链保护，能发现改动后未重新计算哈希的记录；"
          + "能直接改写数据库的人可以重算整条链而不被发现。" + (signed > 0 ? "链中 " + signed + " 条记录带有密钥签名，本次未核验。" : "");
      return;
    }
    boolean signedBefore = false;
    long unsigned = 0;
    Map<String, Long> byKey = new TreeMap<>();
    for (AuditEntry e : entries) {
      String mac = macs.get(e.seq());
      String entry = "审计链「" + chain + "」第 " + e.seq() + " 条记录（" + e.auditKind().describe() + " " + nz(e.rowId()) + "）";
      if (mac == null) {
        if (signedBefore) {
          findings.add(Kind.SIGNATURE_INVALID, null, e.rowId(), e.processInstanceId(), null, null, "密钥签名", "无", chain,
              e.seq(), entry + "没有密钥签名，而它之前的记录有：该记录是在启用密钥之后被插入或改写的。");
        } else {
          unsigned++;
        }
        continue;
      }
      signedBefore = true;
      switch (keys.check(mac, e.hash())) {
        case VALID -> byKey.merge(AuditKeys.keyIdOf(mac), 1L, Long::sum);
        case INVALID -> findings.add(Kind.SIGNATURE_INVALID, null, e.rowId(), e.processInstanceId(), null, null, mac,
            null, chain, e.seq(), entry + "的密钥签名与其哈希不符：记录被改动后重新计算了哈希。");
        case UNKNOWN_KEY ->
          findings.add(Kind.SIGNATURE_INVALID, null, e.rowId(), e.processInstanceId(), null, null, mac,
              null, chain, e.seq(), entry + "以密钥「" + AuditKeys.keyIdOf(mac) + "」签名，但该密钥未配置，无法核验"
                  + "（轮换密钥时须把旧密钥留在 campaign.audit.previous-keys 中）。");
      }
    }
    String mac = headMac.isEmpty() ? null : headMac.get(0);
    if (mac != null && keys.check(mac, AuditKeys.headContent(chain, head.seq, head.hash)) != AuditKeys.Check.VALID) {
      findings.add(Kind.HEAD_MISMATCH, null, null, null, null, null, mac, null, chain, head.seq,
          "审计链「" + chain + "」链头的密钥签名不符：链头被改写了。");
    } else if (mac == null && signedBefore) {
      findings.add(Kind.HEAD_MISMATCH, null, null, null, null, null, "密钥签名", "无", chain, head.seq,
          "审计链「" + chain + "」的链头没有密钥签名：链头被改写了。");
    }
    StringBuilder text = new StringBuilder("受密钥保护（HMAC-SHA256）：");
    if (byKey.isEmpty()) {
      text.append("尚无签名记录");
    }
    byKey.forEach((id, n) -> text.append(text.charAt(text.length() - 1) == '：' ? "" : "，")
        .append("密钥「").append(id).append("」签名核验通过 ").append(n).append(" 条"));
    if (unsigned > 0) {
      text.append("；启用密钥之前写入、未签名的早期记录 ").append(unsigned).append(" 条（只受哈希链保护）");
    }
    findings.protection = text.append("。").toString();
  }

  /** The campaign's roots' entries in chain "-": those ROOT_JOINED lists must all be there unchanged. */
  private List<AuditEntry> sealedEntries(List<AuditEntry> chain, Set<String> roots, Findings findings) {
    Map<Long, AuditEntry> earlier = new TreeMap<>();
    inChunks(roots, chunk -> readEntries("chain_key = ? AND root_instance_id IN (" + placeholders(chunk.size()) + ")",
        prepend(NO_CAMPAIGN, chunk)).forEach(e -> earlier.put(e.seq(), e)));
    for (AuditEntry joined : chain) {
      if (joined.auditKind() != AuditKind.ROOT_JOINED) {
        continue;
      }
      String listed = joined.fieldMap().getOrDefault("entries", "");
      for (String item : listed.isEmpty() ? new String[0] : listed.split(",")) {
        long seq = Long.parseLong(item.substring(0, item.indexOf(':')));
        String hash = item.substring(item.indexOf(':') + 1);
        AuditEntry e = earlier.get(seq);
        if (e == null) {
          List<AuditEntry> bySeq = readEntries("chain_key = ? AND seq = ?", new Object[]{NO_CAMPAIGN, seq});
          e = bySeq.isEmpty() ? null : bySeq.get(0);
          if (e != null) {
            earlier.put(seq, e);
          }
        }
        if (e == null) {
          findings.add(Kind.ENTRY_MISSING, null, null, joined.rowId(), null, null, hash, null, NO_CAMPAIGN, seq,
              "审计链「-」第 " + seq + " 条记录（流程实例 " + joined.rowId() + " 归入活动前的记录，已由本活动审计链第 "
                  + joined.seq() + " 条封存）缺失。");
        } else if (!hash.equals(e.hash())) {
          findings.add(Kind.ENTRY_ALTERED, null, e.rowId(), e.processInstanceId(), null, null, hash, e.hash(),
              NO_CAMPAIGN,
              seq, "审计链「-」第 " + seq + " 条记录（流程实例 " + joined.rowId() + " 归入活动前的记录）的哈希值与本活动审计链第 "
                  + joined.seq() + " 条封存的不符：记录被改动或替换了。");
        }
      }
    }
    for (AuditEntry e : earlier.values()) {
      if (!e.computeHash().equals(e.hash())) {
        findings.add(Kind.ENTRY_ALTERED, null, e.rowId(), e.processInstanceId(), null, null, e.hash(), e.computeHash(),
            NO_CAMPAIGN, e.seq(), "审计链「-」第 " + e.seq() + " 条记录（" + e.auditKind().describe() + " " + nz(e.rowId())
                + "）被改动：按其内容算出的哈希值与记载的不符。");
      }
    }
    return new ArrayList<>(earlier.values());
  }

  private List<AuditEntry> readEntries(String where, Object[] args) {
    return jdbc.query("SELECT chain_key, seq, recorded_at, kind, event_type, row_id, root_instance_id, "
        + "process_instance_id, fields, prev_hash, hash FROM campaign_audit_entry WHERE " + where + " ORDER BY seq",
        (rs, i) -> new AuditEntry(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
        args);
  }

  // ---- cleanups and deletions recorded in chain "-" ---------------------------------------

  /** History cleanups (by their engine time) and deletions of history by users, from chain "-". */
  private record Context(List<AuditEntry> cleanups, List<AuditEntry> historyDeletions, int checkedEntries) {
  }

  private Context context(Findings findings) {
    List<AuditEntry> cleanups = readEntries("chain_key = ? AND kind = ?",
        new Object[]{NO_CAMPAIGN, AuditKind.CLEANUP.name()});
    List<AuditEntry> deletions = readEntries("chain_key = ? AND kind = ? AND event_type = ?",
        new Object[]{NO_CAMPAIGN, AuditKind.OPERATION_LOG.name(), UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY});
    List<AuditEntry> trusted = new ArrayList<>();
    for (AuditEntry e : cleanups) {
      if (e.computeHash().equals(e.hash())) {
        trusted.add(e);
      } else {
        findings.add(Kind.ENTRY_ALTERED, null, e.rowId(), null, null, null, e.hash(), e.computeHash(), NO_CAMPAIGN,
            e.seq(),
            "审计链「-」第 " + e.seq() + " 条记录（按保存期限清理）被改动：按其内容算出的哈希值与记载的不符，不予采信。");
      }
    }
    return new Context(trusted, deletions, cleanups.size() + deletions.size());
  }

  // ---- history rows --------------------------------------------------------------------------

  /** What the chain says a row holds now, and where it says so last. */
  private static final class Expected {
    final AuditKind kind;
    final String rowId;
    SortedMap<String, String> fields;
    String rootId;
    String processInstanceId;
    String chain;
    long seq;
    long recordedAt;

    Expected(AuditKind kind, String rowId) {
      this.kind = kind;
      this.rowId = rowId;
    }

    void at(AuditEntry e, SortedMap<String, String> fields) {
      this.fields = fields;
      this.rootId = e.rootId();
      this.processInstanceId = e.processInstanceId();
      this.chain = e.chainKey();
      this.seq = e.seq();
      this.recordedAt = e.recordedAt();
    }
  }

  private int compareRows(List<AuditEntry> entries, Set<String> roots, Set<String> byId, Context context,
      Findings findings) {
    Map<HistoryRows.Key, Expected> expected = new LinkedHashMap<>();
    Map<String, String> removalTimes = new HashMap<>();
    for (AuditEntry e : entries) {
      AuditKind kind = e.auditKind();
      if (!kind.isHistoryRow() || e.rowId() == null) {
        continue;
      }
      SortedMap<String, String> fields = e.fieldMap();
      if (kind == AuditKind.PROCESS_INSTANCE && fields.containsKey("removalTime") && e.rowId().equals(e.rootId())) {
        removalTimes.put(e.rowId(), fields.get("removalTime"));
      }
      if (kind == AuditKind.VARIABLE_UPDATE) {
        if (!"migrate".equals(e.eventType())) {
          expected.computeIfAbsent(new HistoryRows.Key(kind, e.rowId()), k -> new Expected(kind, e.rowId())).at(e,
              fields);
        }
        String variable = fields.get("variableInstanceId");
        if (variable != null) {
          Expected current = expected.computeIfAbsent(new HistoryRows.Key(AuditKind.VARIABLE_INSTANCE, variable),
              k -> new Expected(AuditKind.VARIABLE_INSTANCE, variable));
          if ("delete".equals(e.eventType()) && current.fields != null) {
            SortedMap<String, String> deleted = new TreeMap<>(current.fields);
            deleted.put("state", "DELETED");
            current.at(e, deleted);
          } else {
            SortedMap<String, String> value = new TreeMap<>(fields);
            value.put("state", "CREATED");
            current.at(e, value);
          }
        }
      } else {
        Expected row = expected.computeIfAbsent(new HistoryRows.Key(kind, e.rowId()),
            k -> new Expected(kind, e.rowId()));
        row.at(e, fold(kind, e.eventType(), row.fields, fields));
      }
    }

    List<AuditEntry> deletions = new ArrayList<>(context.historyDeletions);
    entries.stream().filter(e -> e.auditKind() == AuditKind.OPERATION_LOG
        && UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY.equals(e.eventType())
        && !NO_CAMPAIGN.equals(e.chainKey())).forEach(deletions::add);

    Map<HistoryRows.Key, HistoryRows.Row> actual = new HashMap<>();
    for (AuditKind kind : HistoryRows.TABLES) {
      inChunks(roots, chunk -> rows.byRoot(kind, chunk, actual::put));
      inChunks(byId, chunk -> rows.byId(kind, chunk, actual::put));
    }

    Map<String, Map<AuditKind, Integer>> cleaned = new TreeMap<>();
    for (Expected exp : expected.values()) {
      HistoryRows.Row row = actual.get(new HistoryRows.Key(exp.kind, exp.rowId));
      if (row == null) {
        String removal = exp.rootId != null ? removalTimes.get(exp.rootId) : exp.fields.get("removalTime");
        AuditEntry cleanup = cleanupAfter(removal, context);
        if (cleanup != null) {
          String group = exp.rootId != null ? exp.rootId : NO_ROOT;
          cleaned.computeIfAbsent(group, r -> new TreeMap<>()).merge(exp.kind, 1, Integer::sum);
          if (exp.rootId == null) {
            removalTimes.merge(group, removal, (a, b) -> Long.parseLong(a) >= Long.parseLong(b) ? a : b);
          }
        } else {
          findings.add(Kind.ROW_DELETED, exp.kind.table, exp.rowId, exp.processInstanceId, nameOf(exp.kind, exp.fields),
              null, null, null, exp.chain, exp.seq, describe(exp.kind, exp.rowId, exp.fields, exp.processInstanceId)
                  + "已不存在：审计链「" + exp.chain + "」第 " + exp.seq + " 条记载了它，而没有按保存期限清理它的记录。"
                  + deletionNote(exp.recordedAt, deletions));
        }
        continue;
      }
      for (AuditField field : exp.kind.fields) {
        String want = exp.fields.get(field.name());
        String have = row.fields().get(field.name());
        if (!Objects.equals(want, have)) {
          findings.add(Kind.ROW_ALTERED, exp.kind.table, exp.rowId, exp.processInstanceId, nameOf(exp.kind, exp.fields),
              field.column(), show(field, want), show(field, have), exp.chain, exp.seq,
              describe(exp.kind, exp.rowId, exp.fields, exp.processInstanceId) + "的「" + field.label() + "」（"
                  + field.column() + "）与审计链不符：审计链「" + exp.chain + "」第 " + exp.seq + " 条记载为「"
                  + show(field, want) + "」，数据库中为「" + show(field, have) + "」。");
        }
      }
    }
    for (Map.Entry<HistoryRows.Key, HistoryRows.Row> row : actual.entrySet()) {
      if (!expected.containsKey(row.getKey())) {
        AuditKind kind = row.getKey().kind();
        SortedMap<String, String> fields = row.getValue().fields();
        findings.add(Kind.ROW_NOT_IN_CHAIN, kind.table, row.getKey().rowId(), fields.get("processInstanceId"),
            nameOf(kind, fields), null, null, null, null, null,
            describe(kind, row.getKey().rowId(), fields, fields.get("processInstanceId"))
                + "不在审计链中：它是事后写入的，或者它在审计链中的记录被删除了。");
      }
    }
    cleaned.forEach((root, counts) -> {
      AuditEntry cleanup = cleanupAfter(removalTimes.get(root), context);
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder tables = new StringBuilder();
      counts.forEach((kind, n) -> tables.append(tables.isEmpty() ? "" : "、").append(kind.describe()).append(' ')
          .append(n).append(" 行"));
      boolean noRoot = NO_ROOT.equals(root);
      findings.add(Kind.RETENTION_CLEANUP, null, noRoot ? null : root, noRoot ? null : root, null, null,
          time(removalTimes.get(root)), time(cleanup.fieldMap().get("time")), NO_CAMPAIGN, cleanup.seq(),
          (noRoot ? "不属于任何流程实例的 " : "流程实例 " + root + " 的 ") + total + " 行历史记录（" + tables
              + "）已按保存期限清理：保存期限至 " + (noRoot ? "（最晚）" : "")
              + time(removalTimes.get(root)) + "，" + time(cleanup.fieldMap().get("time")) + " 执行了历史清理（审计链「-」第 "
              + cleanup.seq() + " 条）。");
    });
    return actual.size();
  }

  // ---- evidence files ----------------------------------------------------------------------------

  private static final String EVIDENCE_TABLE = "campaign_evidence";
  private static final Map<String, String> EVIDENCE_LABELS = Map.of("campaignCode", "活动编号", "department", "单位",
      "taskId", "任务", "taskDefinitionKey", "任务标识", "fileName", "文件名", "contentType", "文件类型", "size", "文件大小（字节）",
      "sha256", "SHA-256", "uploadedBy", "上传人", "uploadedAt", "上传时间");

  /**
   * The campaign's evidence files against their entries: a file removed, a recorded field changed,
   * the file's bytes no longer hashing to the recorded SHA-256, or a file the chain never recorded.
   */
  private int compareEvidence(String code, List<AuditEntry> entries, Findings findings) {
    Map<String, AuditEntry> recorded = new LinkedHashMap<>();
    entries.stream().filter(e -> e.auditKind() == AuditKind.EVIDENCE && e.rowId() != null)
        .forEach(e -> recorded.put(e.rowId(), e));
    Map<String, SortedMap<String, String>> actual = new HashMap<>();
    String select = "SELECT id, campaign_code, department, task_id, task_definition_key, file_name, content_type, "
        + "size_bytes, sha256, uploaded_by, uploaded_at, content FROM " + EVIDENCE_TABLE + " WHERE ";
    org.springframework.jdbc.core.RowCallbackHandler read = rs -> {
      SortedMap<String, String> f = new TreeMap<>();
      f.put("campaignCode", rs.getString(2));
      f.put("department", rs.getString(3));
      f.put("taskId", rs.getString(4));
      f.put("taskDefinitionKey", rs.getString(5));
      f.put("fileName", rs.getString(6));
      f.put("contentType", rs.getString(7));
      f.put("size", Long.toString(rs.getLong(8)));
      f.put("sha256", rs.getString(9));
      f.put("uploadedBy", rs.getString(10));
      f.put("uploadedAt", AuditField.time("uploadedAt", "uploaded_at", "").read(rs, "uploaded_at"));
      byte[] content = rs.getBytes(12);
      f.put("content", content == null ? null : AuditField.sha256(content));
      f.values().removeIf(Objects::isNull);
      actual.put(rs.getString(1), f);
    };
    jdbc.query(select + "campaign_code = ?", read, code);
    List<String> elsewhere = recorded.keySet().stream().filter(id -> !actual.containsKey(id)).toList();
    inChunks(elsewhere,
        chunk -> jdbc.query(select + "id IN (" + placeholders(chunk.size()) + ")", read, chunk.toArray()));
    recorded.forEach((id, e) -> {
      SortedMap<String, String> want = e.fieldMap();
      SortedMap<String, String> have = actual.get(id);
      String what = "佐证材料（" + EVIDENCE_TABLE + "）中的行 " + id + "「" + nz(want.get("fileName")) + "」";
      if (have == null) {
        findings.add(Kind.ROW_DELETED, EVIDENCE_TABLE, id, e.processInstanceId(), want.get("fileName"), null, null,
            null,
            e.chainKey(), e.seq(), what + "已不存在：审计链「" + e.chainKey() + "」第 " + e.seq() + " 条记载了它。");
        return;
      }
      for (String field : AuditRecords.EVIDENCE_FIELDS) {
        if (!Objects.equals(want.get(field), have.get(field))) {
          findings.add(Kind.ROW_ALTERED, EVIDENCE_TABLE, id, e.processInstanceId(), want.get("fileName"), field,
              want.get(field), have.get(field), e.chainKey(), e.seq(), what + "的「" + EVIDENCE_LABELS.get(field)
                  + "」与审计链不符：审计链「" + e.chainKey() + "」第 " + e.seq() + " 条记载为「" + nz(want.get(field))
                  + "」，数据库中为「" + nz(have.get(field)) + "」。");
        }
      }
      if (!Objects.equals(want.get("sha256"), have.get("content"))) {
        findings.add(Kind.ROW_ALTERED, EVIDENCE_TABLE, id, e.processInstanceId(), want.get("fileName"), "content",
            want.get("sha256"), have.get("content"), e.chainKey(), e.seq(), what + "的文件内容被改动：其 SHA-256 为「"
                + shortHash(have.get("content")) + "」，审计链「" + e.chainKey() + "」第 " + e.seq() + " 条记载为「"
                + shortHash(want.get("sha256")) + "」。");
      }
    });
    actual.forEach((id, have) -> {
      if (!recorded.containsKey(id)) {
        findings.add(Kind.ROW_NOT_IN_CHAIN, EVIDENCE_TABLE, id, null, have.get("fileName"), null, null, null, null,
            null,
            "佐证材料（" + EVIDENCE_TABLE + "）中的行 " + id + "「" + nz(have.get("fileName"))
                + "」不在审计链中：它是事后写入的，或者它在审计链中的记录被删除了。");
      }
    });
    return actual.size();
  }

  /**
   * The row after an event, as the engine's update statements write it: an insert writes every
   * field; an update of a process, activity, task or incident writes only some columns, some only
   * when set (see the engine's mapping files, e.g. updateHistoricActivityInstanceEvent).
   */
  static SortedMap<String, String> fold(AuditKind kind, String eventType, SortedMap<String, String> before,
      SortedMap<String, String> event) {
    if (AuditBaseline.BASELINE.equals(eventType)) {
      return event;
    }
    Set<String> written;
    switch (kind) {
      case PROCESS_INSTANCE -> {
        if ("start".equals(eventType)) {
          return event;
        }
        written = new HashSet<>(List.of("processDefinitionId", "processDefinitionKey", "businessKey", "endActivityId",
            "deleteReason", "superProcessInstanceId", "state", "removalTime"));
        if (event.containsKey("endTime")) {
          written.add("endTime");
        }
      }
      case ACTIVITY_INSTANCE -> {
        if ("start".equals(eventType)) {
          return event;
        }
        written = new HashSet<>(List.of("activityId", "activityName", "activityType", "parentActivityInstanceId"));
        if (event.containsKey("calledProcessInstanceId")) {
          written.add("calledProcessInstanceId");
        }
        if ("update".equals(eventType)) {
          written.addAll(List.of("assignee", "taskId"));
        }
        if (event.containsKey("endTime")) {
          written.addAll(List.of("endTime", "state"));
        }
      }
      case TASK_INSTANCE -> {
        if ("create".equals(eventType)) {
          return event;
        }
        written = new HashSet<>(List.of("name", "parentTaskId", "description", "owner", "assignee", "deleteReason",
            "taskDefinitionKey", "priority", "dueDate", "followUpDate", "taskState"));
        if (event.containsKey("endTime")) {
          written.add("endTime");
        }
      }
      case INCIDENT -> {
        if ("create".equals(eventType)) {
          return event;
        }
        written = Set.of("createTime", "endTime", "state", "activityId");
      }
      default -> {
        return event;
      }
    }
    if (before == null) {
      return event;
    }
    SortedMap<String, String> after = new TreeMap<>(before);
    for (String field : written) {
      if (event.containsKey(field)) {
        after.put(field, event.get(field));
      } else {
        after.remove(field);
      }
    }
    return after;
  }

  /** The first recorded cleanup that ran at or after the removal time, or null. */
  private static AuditEntry cleanupAfter(String removalTime, Context context) {
    if (removalTime == null) {
      return null;
    }
    long removal = Long.parseLong(removalTime);
    return context.cleanups.stream().filter(c -> {
      String at = c.fieldMap().get("time");
      return at != null && Long.parseLong(at) >= removal;
    }).findFirst().orElse(null);
  }

  /**
   * Users who deleted history after the row was last recorded, as the operation log in the chains
   * says (one sentence per operation).
   */
  private static String deletionNote(long lastRecorded, List<AuditEntry> deletions) {
    Map<String, SortedMap<String, String>> operations = new LinkedHashMap<>();
    Map<String, Long> positions = new HashMap<>();
    Map<String, String> chains = new HashMap<>();
    for (AuditEntry e : deletions) {
      SortedMap<String, String> f = e.fieldMap();
      String at = f.get("time");
      if (at == null || Long.parseLong(at) < lastRecorded) {
        continue;
      }
      String operation = f.getOrDefault("operationId", e.rowId());
      SortedMap<String, String> merged = operations.computeIfAbsent(operation, k -> new TreeMap<>(f));
      if (f.get("property") != null) {
        merged.put("property." + f.get("property"), nz(f.get("newValue")));
      }
      positions.putIfAbsent(operation, e.seq());
      chains.putIfAbsent(operation, e.chainKey());
    }
    StringBuilder note = new StringBuilder();
    operations.forEach((operation, f) -> {
      note.append("操作日志记载：用户 ").append(nz(f.get("userId"))).append(" 于 ").append(time(f.get("time")));
      if (f.containsKey("property.nrOfInstances")) {
        note.append(" 删除了 ").append(f.get("property.nrOfInstances")).append(" 个历史流程实例");
      } else {
        note.append(" 执行了删除历史记录的操作（对象：").append(nz(f.get("entityType"))).append("）");
      }
      note.append("（审计链「").append(chains.get(operation)).append("」第 ").append(positions.get(operation)).append(" 条）。");
    });
    return note.toString();
  }

  // ---- Chinese ----------------------------------------------------------------------------------

  /** "任务（ACT_HI_TASKINST）中的行 42「提交自查报告」（流程实例 17）" */
  private static String describe(AuditKind kind, String rowId, Map<String, String> fields, String processInstanceId) {
    String name = nameOf(kind, fields);
    return kind.describe() + "中的行 " + rowId + (name == null ? "" : "「" + name + "」")
        + (processInstanceId == null || processInstanceId.equals(rowId) ? "" : "（流程实例 " + processInstanceId + "）");
  }

  private static String nameOf(AuditKind kind, Map<String, String> fields) {
    if (fields == null) {
      return null;
    }
    return switch (kind) {
      case TASK_INSTANCE -> fields.get("name");
      case VARIABLE_UPDATE, VARIABLE_INSTANCE -> fields.get("name") == null ? null : "变量 " + fields.get("name");
      case FORM_PROPERTY -> fields.get("name") == null ? null : "表单字段 " + fields.get("name");
      case ACTIVITY_INSTANCE -> fields.getOrDefault("activityName", fields.get("activityId"));
      case PROCESS_INSTANCE -> fields.get("processDefinitionKey");
      case OPERATION_LOG -> fields.get("operationType");
      case JOB_LOG -> fields.get("jobDefinitionType");
      case DECISION_INSTANCE -> fields.get("decisionDefinitionKey");
      case IDENTITY_LINK -> fields.get("taskId") == null ? null : "任务 " + fields.get("taskId");
      default -> null;
    };
  }

  private static String show(AuditField field, String value) {
    if (value == null) {
      return "（空）";
    }
    return switch (field.type()) {
      case TIME -> time(value);
      case BYTES -> "SHA-256 " + shortHash(value);
      default -> value;
    };
  }

  static String time(String epochMillis) {
    return epochMillis == null ? "（空）" : TIME.format(Instant.ofEpochMilli(Long.parseLong(epochMillis)));
  }

  private static String shortHash(String hash) {
    return hash == null ? "（空）" : hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static void inChunks(Collection<String> values, Consumer<List<String>> each) {
    List<String> all = new ArrayList<>(values);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      each.accept(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
    }
  }

  private static Object[] prepend(Object first, List<String> rest) {
    Object[] args = new Object[rest.size() + 1];
    args[0] = first;
    for (int i = 0; i < rest.size(); i++) {
      args[i + 1] = rest.get(i);
    }
    return args;
  }

  private static final class Findings {
    final List<AuditFinding> list = new ArrayList<>();
    String protection = "";

    void add(Kind kind, String table, String rowId, String processInstanceId, String name, String field,
        String expected, String found, String chain, Long position, String message) {
      list.add(new AuditFinding(kind, table, rowId, processInstanceId, name, field, expected, found, chain, position,
          message));
    }
  }
}
