package cn.gov.county.campaign.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SortedMap;
import java.util.TreeMap;

/** One entry of an audit chain, as stored in {@code campaign_audit_entry}. */
record AuditEntry(String chainKey, long seq, long recordedAt, String kind, String eventType, String rowId,
    String rootId, String processInstanceId, String fields, String prevHash, String hash) {

  /** The previous hash of a chain's first entry. */
  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();

  static AuditEntry append(String chainKey, long seq, long recordedAt, AuditEvent event, String prevHash) {
    String fields = json(event.fields());
    AuditEntry unsigned = new AuditEntry(chainKey, seq, recordedAt, event.kind().name(), event.eventType(),
        event.rowId(), event.rootId(), event.processInstanceId(), fields, prevHash, null);
    return unsigned.withHash(unsigned.computeHash());
  }

  private AuditEntry withHash(String hash) {
    return new AuditEntry(chainKey, seq, recordedAt, kind, eventType, rowId, rootId, processInstanceId, fields,
        prevHash, hash);
  }

  /** SHA-256 over the previous hash and every stored column of this entry, in a fixed order. */
  String computeHash() {
    String content = String.join("\n", prevHash, chainKey, Long.toString(seq), Long.toString(recordedAt), kind,
        nz(eventType), nz(rowId), nz(rootId), nz(processInstanceId), fields);
    return AuditField.sha256(content);
  }

  AuditKind auditKind() {
    try {
      return AuditKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return AuditKind.OTHER;
    }
  }

  /** The recorded fields; an entry whose JSON was damaged reads as empty (its hash no longer matches anyway). */
  SortedMap<String, String> fieldMap() {
    try {
      return JSON.readValue(fields, new TypeReference<TreeMap<String, String>>() {
      });
    } catch (JsonProcessingException e) {
      return new TreeMap<>();
    }
  }

  static String json(SortedMap<String, String> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
