package cn.gov.county.campaign.audit;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts of the application's own (not engine history) that join a campaign's audit chain: each is
 * appended at once, in the caller's transaction, so that the fact and its entry commit or roll
 * back together.
 */
@Component
public class AuditRecords {

  /** The fields an evidence entry records (see {@link AuditChainVerifier}, which compares them with the table). */
  public static final List<String> EVIDENCE_FIELDS = List.of("campaignCode", "department", "taskId",
      "taskDefinitionKey", "fileName", "contentType", "size", "sha256", "uploadedBy", "uploadedAt");

  private final AuditChainWriter writer;

  AuditRecords(AuditChainWriter writer) {
    this.writer = writer;
  }

  /**
   * An evidence file was stored (row {@code evidenceId} of {@code campaign_evidence}); the entry
   * goes to the chain of the instance's root, which is the campaign's.
   *
   * @param fields the values of {@link #EVIDENCE_FIELDS}, as canonical strings (times as epoch
   *               milliseconds)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void evidenceStored(String evidenceId, String campaignCode, String rootProcessInstanceId,
      String processInstanceId, SortedMap<String, String> fields) {
    SortedMap<String, String> recorded = new TreeMap<>();
    EVIDENCE_FIELDS.forEach(name -> {
      if (fields.get(name) != null) {
        recorded.put(name, fields.get(name));
      }
    });
    writer.append(List.of(new AuditEvent(AuditKind.EVIDENCE, "upload", evidenceId, rootProcessInstanceId,
        processInstanceId, recorded, campaignCode, true)));
  }

  /**
   * The office urged a unit (催办, rows {@code urgingId} of {@code campaign_urging}); the entry goes
   * to the campaign's chain and records who urged which unit about which tasks, when.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void urgingRecorded(String urgingId, String campaignCode, String rootProcessInstanceId,
      SortedMap<String, String> fields) {
    writer.append(List.of(new AuditEvent(AuditKind.URGING, "urge", urgingId, rootProcessInstanceId,
        rootProcessInstanceId, new TreeMap<>(fields), campaignCode, true)));
  }
}
