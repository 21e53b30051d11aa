package cn.gov.county.campaign.audit;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a transaction's history events to their chains, on the transaction's connection (called
 * before commit, so the entries commit or roll back with the engine's rows). Each chain's head row
 * is locked with SELECT ... FOR UPDATE while appending, chains in name order so that two
 * transactions never wait for each other in a circle. With a key ({@link AuditKeys}) each entry
 * and the head carry a keyed MAC.
 */
@Component
class AuditChainWriter {

  /** The chain of events that belong to no campaign. */
  static final String NO_CAMPAIGN = "-";
  private static final int IN_CHUNK = 500;

  private final JdbcTemplate jdbc;
  private final AuditKeys keys;
  private volatile Boolean postgres;

  AuditChainWriter(JdbcTemplate jdbc, AuditKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  void append(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    appendNow(events);
    AuditStatistics.APPEND_NANOS.add(System.nanoTime() - start);
    AuditStatistics.APPENDS.increment();
    AuditStatistics.ENTRIES.add(events.size());
  }

  private void appendNow(List<AuditEvent> events) {
    long now = EngineInternals.now().toEpochMilli();
    // chains in name order; a campaign's ROOT_JOINED entries come before the events that name it
    Map<String, List<AuditEvent>> byChain = new TreeMap<>();
    Map<String, String> chainOfRoot = resolveRoots(events, byChain);
    for (AuditEvent event : events) {
      String chain = event.rootId() == null ? NO_CAMPAIGN : chainOfRoot.get(event.rootId());
      byChain.computeIfAbsent(chain, k -> new ArrayList<>()).add(event);
    }
    byChain.forEach((chain, chainEvents) -> appendToChain(chain, chainEvents, now));
  }

  /**
   * Which chain each root instance of the events belongs to: as recorded, or (new root, or a root
   * in chain "-" that now names a campaign) from the campaign the events name.
   */
  private Map<String, String> resolveRoots(List<AuditEvent> events, Map<String, List<AuditEvent>> byChain) {
    Set<String> roots = events.stream().map(AuditEvent::rootId).filter(r -> r != null)
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> recorded = recordedChains(roots);
    Map<String, String> variableHint = new HashMap<>();
    Map<String, String> keyHint = new HashMap<>();
    for (AuditEvent event : events) {
      if (event.campaignHint() != null && event.rootId() != null) {
        (event.hintIsVariable() ? variableHint : keyHint).put(event.rootId(), event.campaignHint());
      }
    }
    Map<String, String> chains = new HashMap<>();
    for (String root : roots) {
      String known = recorded.get(root);
      if (known != null && !NO_CAMPAIGN.equals(known)) {
        chains.put(root, known);
        continue;
      }
      String campaign = variableHint.get(root);
      if (campaign == null && keyHint.containsKey(root) && isCampaign(keyHint.get(root))) {
        campaign = keyHint.get(root);
      }
      if (campaign == null) {
        chains.put(root, NO_CAMPAIGN);
        if (known == null) {
          insertRoot(root, NO_CAMPAIGN);
        }
      } else {
        chains.put(root, campaign);
        if (known == null) {
          insertRoot(root, campaign);
        } else {
          jdbc.update("UPDATE campaign_audit_root SET chain_key = ? WHERE root_instance_id = ?", campaign, root);
          byChain.computeIfAbsent(campaign, k -> new ArrayList<>()).add(joined(root, campaign));
        }
      }
    }
    return chains;
  }

  /** The entry that seals the root's earlier entries in chain "-" into the campaign's chain. */
  private AuditEvent joined(String root, String campaign) {
    List<String> sealed = jdbc.query("SELECT seq, hash FROM campaign_audit_entry WHERE chain_key = ? "
        + "AND root_instance_id = ? ORDER BY seq", (rs, i) -> rs.getLong(1) + ":" + rs.getString(2), NO_CAMPAIGN, root);
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("campaign", campaign);
    fields.put("fromChain", NO_CAMPAIGN);
    fields.put("entries", String.join(",", sealed));
    return new AuditEvent(AuditKind.ROOT_JOINED, "join", root, root, root, fields, null, false);
  }

  private Map<String, String> recordedChains(Collection<String> roots) {
    Map<String, String> recorded = new HashMap<>();
    List<String> all = new ArrayList<>(roots);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      jdbc.query("SELECT root_instance_id, chain_key FROM campaign_audit_root WHERE root_instance_id IN ("
          + placeholders(chunk.size()) + ")", rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
          }, chunk.toArray());
    }
    return recorded;
  }

  /** A business key is a campaign's code when the campaign has a chain or a campaign instance carries it. */
  private boolean isCampaign(String businessKey) {
    Integer chains = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit_head WHERE chain_key = ?",
        Integer.class, businessKey);
    if (chains != null && chains > 0) {
      return true;
    }
    Integer campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
        + "AND PROC_DEF_KEY_ = ?", Integer.class, businessKey, CampaignModel.CAMPAIGN_PROCESS);
    return campaigns != null && campaigns > 0;
  }

  private void insertRoot(String root, String chain) {
    if (isPostgres()) {
      jdbc.update("INSERT INTO campaign_audit_root (root_instance_id, chain_key) VALUES (?, ?) "
          + "ON CONFLICT (root_instance_id) DO NOTHING", root, chain);
    } else {
      jdbc.update("INSERT INTO campaign_audit_root (root_instance_id, chain_key) SELECT ?, ? FROM (VALUES (1)) v "
          + "WHERE NOT EXISTS (SELECT 1 FROM campaign_audit_root WHERE root_instance_id = ?)", root, chain, root);
    }
  }

  private void appendToChain(String chain, List<AuditEvent> events, long now) {
    Head head = lockHead(chain);
    long seq = head.seq();
    String prev = head.hash();
    List<Object[]> rows = new ArrayList<>(events.size());
    for (AuditEvent event : events) {
      AuditEntry entry = AuditEntry.append(chain, ++seq, now, event, prev);
      prev = entry.hash();
      rows.add(new Object[]{entry.chainKey(), entry.seq(), entry.recordedAt(), entry.kind(), entry.eventType(),
          entry.rowId(), entry.rootId(), entry.processInstanceId(), entry.fields(), entry.prevHash(), entry.hash(),
          keys.sign(entry.hash())});
    }
    jdbc.batchUpdate("INSERT INTO campaign_audit_entry (chain_key, seq, recorded_at, kind, event_type, row_id, "
        + "root_instance_id, process_instance_id, fields, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    jdbc.update("UPDATE campaign_audit_head SET last_seq = ?, last_hash = ?, last_mac = ? WHERE chain_key = ?", seq,
        prev,
        keys.sign(AuditKeys.headContent(chain, seq, prev)), chain);
  }

  private record Head(long seq, String hash) {
  }

  private Head lockHead(String chain) {
    List<Head> head = selectHeadForUpdate(chain);
    if (head.isEmpty()) {
      if (isPostgres()) {
        jdbc.update("INSERT INTO campaign_audit_head (chain_key, last_seq, last_hash) VALUES (?, 0, ?) "
            + "ON CONFLICT (chain_key) DO NOTHING", chain, AuditEntry.GENESIS);
      } else {
        jdbc.update(
            "INSERT INTO campaign_audit_head (chain_key, last_seq, last_hash) SELECT ?, 0, ? FROM (VALUES (1)) v "
                + "WHERE NOT EXISTS (SELECT 1 FROM campaign_audit_head WHERE chain_key = ?)",
            chain, AuditEntry.GENESIS, chain);
      }
      head = selectHeadForUpdate(chain);
    }
    return head.get(0);
  }

  private List<Head> selectHeadForUpdate(String chain) {
    return jdbc.query("SELECT last_seq, last_hash FROM campaign_audit_head WHERE chain_key = ? FOR UPDATE",
        (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), chain);
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
          .toLowerCase(java.util.Locale.ROOT).contains("postgres")));
      postgres = known;
    }
    return known;
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
