package cn.gov.county.campaign.evidence;

import java.time.Instant;

/**
 * One evidence file (佐证材料) as stored, without its bytes.
 *
 * @param department    the department whose instance it belongs to (its users read it), or null
 * @param url           where its readers download it
 */
public record EvidenceFile(String id, String campaignCode, String department, String processInstanceId,
    String processDefinitionKey, String taskId, String taskDefinitionKey, String taskName, String fileName,
    String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt, String url) {

  static String urlOf(String id) {
    return "/campaign/api/evidence/files/" + id;
  }

  /** "2.4 MB", "836 KB", "512 字节" */
  public static String sizeLabel(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
    if (bytes >= 1024) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return bytes + " 字节";
  }
}
