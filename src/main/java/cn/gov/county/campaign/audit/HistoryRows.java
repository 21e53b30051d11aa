package cn.gov.county.campaign.audit;

import static cn.gov.county.campaign.audit.AuditChainWriter.placeholders;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads history rows with JDBC, in bulk, as the canonical fields the chain records. */
@Component
class HistoryRows {

  /** The history tables the chain covers, in the order they are read. */
  static final List<AuditKind> TABLES = List.of(AuditKind.PROCESS_INSTANCE, AuditKind.ACTIVITY_INSTANCE,
      AuditKind.TASK_INSTANCE, AuditKind.VARIABLE_UPDATE, AuditKind.FORM_PROPERTY, AuditKind.VARIABLE_INSTANCE,
      AuditKind.IDENTITY_LINK, AuditKind.OPERATION_LOG, AuditKind.INCIDENT, AuditKind.JOB_LOG,
      AuditKind.DECISION_INSTANCE);

  record Key(AuditKind kind, String rowId) {
  }

  /** @param removalTime REMOVAL_TIME_ as epoch milliseconds (not compared: the engine sets it later) */
  record Row(String rootId, String removalTime, SortedMap<String, String> fields) {
  }

  private final JdbcTemplate jdbc;

  HistoryRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The kind's rows of these root instances (at most a few hundred ids at a time). */
  void byRoot(AuditKind kind, List<String> rootIds, BiConsumer<Key, Row> each) {
    read(kind, "t.ROOT_PROC_INST_ID_", rootIds, each);
  }

  /** The kind's rows with these ids. */
  void byId(AuditKind kind, List<String> ids, BiConsumer<Key, Row> each) {
    read(kind, "t.ID_", ids, each);
  }

  private void read(AuditKind kind, String column, List<String> values, BiConsumer<Key, Row> each) {
    if (values.isEmpty()) {
      return;
    }
    StringBuilder select = new StringBuilder("SELECT t.ID_ AS row_id, t.ROOT_PROC_INST_ID_ AS root_id, "
        + "t.REMOVAL_TIME_ AS removal_time");
    boolean bytes = false;
    for (int i = 0; i < kind.fields.size(); i++) {
      AuditField field = kind.fields.get(i);
      if (field.type() == AuditField.Type.BYTES) {
        select.append(", b.BYTES_ AS f").append(i);
        bytes = true;
      } else {
        select.append(", t.").append(field.column()).append(" AS f").append(i);
      }
    }
    select.append(" FROM ").append(kind.table).append(" t");
    if (bytes) {
      select.append(" LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = t.BYTEARRAY_ID_");
    }
    select.append(" WHERE ").append(column).append(" IN (").append(placeholders(values.size())).append(')');
    if (kind.condition != null) {
      select.append(" AND ").append(kind.condition);
    }
    AuditField removal = AuditField.time("removalTime", "REMOVAL_TIME_", "");
    jdbc.query(select.toString(), rs -> {
      SortedMap<String, String> fields = new TreeMap<>();
      for (int i = 0; i < kind.fields.size(); i++) {
        AuditField field = kind.fields.get(i);
        String value = field.read(rs, "f" + i);
        if (value != null) {
          fields.put(field.name(), value);
        }
      }
      each.accept(new Key(kind, rs.getString("row_id")),
          new Row(rs.getString("root_id"), removal.read(rs, "removal_time"), fields));
    }, values.toArray());
  }
}
