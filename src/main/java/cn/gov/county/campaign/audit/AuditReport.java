package cn.gov.county.campaign.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The verification as a Chinese plain-text report (also filed in the campaign's export). */
public final class AuditReport {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private AuditReport() {
  }

  static String text(List<AuditVerification> verifications) {
    StringBuilder out = new StringBuilder();
    for (AuditVerification v : verifications) {
      out.append(text(v)).append('\n');
    }
    return out.toString();
  }

  public static String text(AuditVerification v) {
    StringBuilder out = new StringBuilder();
    out.append(AuditChainWriter.NO_CAMPAIGN.equals(v.chain())
        ? "审计链核验报告：不属于任何活动的记录（审计链「-」）"
        : "审计链核验报告：活动 " + v.chain()).append('\n');
    out.append("核验时间：").append(TIME.format(v.verifiedAt())).append("（北京时间）\n");
    out.append("核验了审计链记录 ").append(v.checkedEntries()).append(" 条、历史记录 ").append(v.checkedRows()).append(" 行。\n");
    out.append("链头：第 ").append(v.lastPosition()).append(" 条，哈希 ").append(v.lastHash() == null ? "（无）" : v.lastHash())
        .append('\n');
    out.append("保护方式：").append(v.protection()).append('\n');
    long tampering = v.tamperingCount();
    out.append(v.clean()
        ? "结论：未发现历史记录被删除或改动，审计链完整。"
        : "结论：发现 " + tampering + " 处问题，历史记录或审计链在事后被删除或改动。").append('\n');
    int n = 0;
    for (AuditFinding f : v.findings()) {
      if (f.kind().tampering) {
        out.append(++n).append(". 【").append(f.kind().label).append("】").append(f.message()).append('\n');
      }
    }
    List<AuditFinding> cleaned = v.findings().stream().filter(f -> !f.kind().tampering).toList();
    if (!cleaned.isEmpty()) {
      out.append("按保存期限清理（不属于篡改）：\n");
      cleaned.forEach(f -> out.append("- ").append(f.message()).append('\n'));
    }
    return out.toString();
  }
}
