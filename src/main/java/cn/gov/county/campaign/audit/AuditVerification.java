package cn.gov.county.campaign.audit;

import java.time.Instant;
import java.util.List;

/**
 * The verification of one chain against the history it records.
 *
 * @param chain the campaign code, or "-" for the events that belong to no campaign
 * @param clean true when nothing was deleted or altered (history removed by retention is not tampering)
 * @param checkedEntries chain entries checked (the campaign's, the entries sealed into it, cleanup records)
 * @param checkedRows history rows read and compared
 * @param lastPosition the chain's last position and {@code lastHash} its hash: an auditor may note
 *     them down and later check that the chain still holds this entry
 * @param protection in Chinese, which protection applied: keyed MACs (with key ids and counts) or
 *     the hash chain alone
 */
public record AuditVerification(String chain, boolean clean, int checkedEntries, int checkedRows,
    List<AuditFinding> findings, long lastPosition, String lastHash, Instant verifiedAt, String protection) {

  public long tamperingCount() {
    return findings.stream().filter(f -> f.kind().tampering).count();
  }
}
