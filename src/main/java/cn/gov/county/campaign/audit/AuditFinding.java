package cn.gov.county.campaign.audit;

/**
 * One thing the verifier found, with a Chinese sentence for the auditor.
 *
 * @param table the history table (e.g. ACT_HI_TASKINST), or null for the chain itself
 * @param name the task, variable, activity or process named by the row, where known
 * @param field the compared column, for an altered row
 * @param expected what the chain recorded; {@code found} what the database holds
 * @param chain the chain ("-": events of no campaign) and {@code chainPosition} the entry's position in it
 */
public record AuditFinding(Kind kind, String table, String rowId, String processInstanceId, String name,
    String field, String expected, String found, String chain, Long chainPosition, String message) {

  public enum Kind {
    ROW_DELETED(true, "历史记录被删除"), ROW_ALTERED(true, "历史记录被改动"), ROW_NOT_IN_CHAIN(true, "历史记录不在审计链中"), ENTRY_ALTERED(
        true, "审计链记录被改动"), ENTRY_MISSING(true, "审计链记录缺失"), CHAIN_BROKEN(true, "审计链断开"), HEAD_MISMATCH(true,
            "审计链链头不符"), SIGNATURE_INVALID(true, "审计链密钥签名不符"), RETENTION_CLEANUP(false, "按保存期限清理");

    public final boolean tampering;
    public final String label;

    Kind(boolean tampering, String label) {
      this.tampering = tampering;
      this.label = label;
    }
  }
}
