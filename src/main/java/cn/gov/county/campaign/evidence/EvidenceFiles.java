package cn.gov.county.campaign.evidence;

import cn.gov.county.campaign.audit.AuditRecords;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files (佐证材料) in {@code campaign_evidence}: checked (name, size, type by extension and
 * by content), stored with their SHA-256 in the same transaction as their audit chain entry, and
 * read back. Who may upload or read is the controller's question; this class trusts its caller.
 * Files are a record: nothing here changes or deletes one.
 */
@Service
public class EvidenceFiles {

  private static final int MAX_NAME_LENGTH = 200;
  private static final String COLUMNS = "id, campaign_code, department, process_instance_id, process_definition_key, "
      + "task_id, task_definition_key, task_name, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

  /** Where an upload goes: the task and, as the server knows them, its instance's campaign and department. */
  record Target(String taskId, String taskDefinitionKey, String taskName, String processInstanceId,
      String rootProcessInstanceId, String processDefinitionKey, String campaignCode, String department) {
  }

  private final JdbcTemplate jdbc;
  private final AuditRecords audit;
  private final EvidenceProperties properties;

  EvidenceFiles(JdbcTemplate jdbc, AuditRecords audit, EvidenceProperties properties) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.properties = properties;
  }

  /** "10 MB" */
  String maxSizeLabel() {
    long bytes = properties.maxFileSize().toBytes();
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : EvidenceFile.sizeLabel(bytes);
  }

  long maxSize() {
    return properties.maxFileSize().toBytes();
  }

  List<String> types() {
    return properties.types();
  }

  /** The name as the file is kept: without the client's folders ("C:\fakepath\…"), trimmed. */
  static String cleanName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    return name;
  }

  /** Refuses (400, 413) a file that is not an accepted evidence file, naming it and saying why. */
  EvidenceTypes.Type check(String fileName, long size, byte[] content) {
    if (fileName.isEmpty()) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST, "请选择要上传的佐证材料文件。");
    }
    String named = "「" + fileName + "」未上传：";
    if (fileName.length() > MAX_NAME_LENGTH || fileName.chars().anyMatch(Character::isISOControl)) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST, named + "文件名过长或含有控制字符，请改名后重新上传（文件名最多 "
          + MAX_NAME_LENGTH + " 个字）。");
    }
    if (size > maxSize()) {
      throw new EvidenceRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, named + "文件大小为 " + EvidenceFile.sizeLabel(size)
          + "，超过了佐证材料每个文件 " + maxSizeLabel() + " 的上限。请压缩图片或拆分文件后重新上传。");
    }
    String extension = EvidenceTypes.extensionOf(fileName);
    if (!properties.types().contains(extension)) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST,
          named + "佐证材料只能是 " + String.join("、", properties.types())
              + " 格式的文件（照片、扫描件、Word、Excel 或 PDF）。");
    }
    if (size == 0 || content.length == 0) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST, named + "文件是空的。");
    }
    EvidenceTypes.Type type = EvidenceTypes.of(extension).orElseThrow();
    if (!type.content().test(content)) {
      throw new EvidenceRefusedException(HttpStatus.BAD_REQUEST, named + "文件内容不是" + type.label() + "，与扩展名 ."
          + extension + " 不符。请上传原始文件，不要只修改扩展名。");
    }
    return type;
  }

  /** Checks and stores the file and appends its entry (with its SHA-256) to the campaign's audit chain. */
  @Transactional
  public EvidenceFile store(Target target, String originalName, byte[] content, String userId) {
    String fileName = cleanName(originalName);
    EvidenceTypes.Type type = check(fileName, content.length, content);
    String id = UUID.randomUUID().toString();
    String sha256 = sha256(content);
    Timestamp uploadedAt = Timestamp.valueOf(LocalDateTime.ofInstant(EngineInternals.now(), CampaignDates.CHINA));
    jdbc.update("INSERT INTO campaign_evidence (" + COLUMNS + ", root_process_instance_id, content) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, target.campaignCode(), target.department(),
        target.processInstanceId(), target.processDefinitionKey(), target.taskId(), target.taskDefinitionKey(),
        target.taskName(), fileName, type.contentType(), (long) content.length, sha256, userId, uploadedAt,
        target.rootProcessInstanceId(), content);
    SortedMap<String, String> fields = new TreeMap<>();
    fields.put("campaignCode", target.campaignCode());
    fields.put("department", target.department());
    fields.put("taskId", target.taskId());
    fields.put("taskDefinitionKey", target.taskDefinitionKey());
    fields.put("fileName", fileName);
    fields.put("contentType", type.contentType());
    fields.put("size", Long.toString(content.length));
    fields.put("sha256", sha256);
    fields.put("uploadedBy", userId);
    fields.put("uploadedAt", Long.toString(uploadedAt.getTime()));
    audit.evidenceStored(id, target.campaignCode(), target.rootProcessInstanceId(), target.processInstanceId(), fields);
    return find(id).orElseThrow();
  }

  public Optional<EvidenceFile> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_evidence WHERE id = ?", EvidenceFiles::file, id)
        .stream().findFirst();
  }

  /** The file's bytes. */
  public Optional<byte[]> content(String id) {
    return jdbc.query("SELECT content FROM campaign_evidence WHERE id = ?", (rs, i) -> rs.getBytes(1), id)
        .stream().findFirst();
  }

  /** The files of a process instance, oldest first. */
  public List<EvidenceFile> ofProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM campaign_evidence WHERE process_instance_id = ? "
        + "ORDER BY uploaded_at, id", EvidenceFiles::file, processInstanceId);
  }

  /** A campaign's files, of one department or (null) of all, oldest first. */
  public List<EvidenceFile> ofCampaign(String campaignCode, String department) {
    return department == null
        ? jdbc.query("SELECT " + COLUMNS + " FROM campaign_evidence WHERE campaign_code = ? ORDER BY uploaded_at, id",
            EvidenceFiles::file, campaignCode)
        : jdbc.query("SELECT " + COLUMNS + " FROM campaign_evidence WHERE campaign_code = ? AND department = ? "
            + "ORDER BY uploaded_at, id", EvidenceFiles::file, campaignCode, department);
  }

  private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    return new EvidenceFile(id, rs.getString("campaign_code"), rs.getString("department"),
        rs.getString("process_instance_id"), rs.getString("process_definition_key"), rs.getString("task_id"),
        rs.getString("task_definition_key"), rs.getString("task_name"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toLocalDateTime().atZone(CampaignDates.CHINA).toInstant(),
        EvidenceFile.urlOf(id));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
