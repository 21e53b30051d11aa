package cn.gov.county.campaign.review;

import cn.gov.county.campaign.audit.AuditChainVerifier;
import cn.gov.county.campaign.audit.AuditReport;
import cn.gov.county.campaign.evidence.EvidenceFile;
import cn.gov.county.campaign.evidence.EvidenceFiles;
import cn.gov.county.campaign.notice.IssuedNotice;
import cn.gov.county.campaign.notice.Notices;
import cn.gov.county.campaign.review.CampaignReview.OperationLogEntry;
import cn.gov.county.campaign.review.CampaignReview.Overview;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * A campaign as an archive an auditor can file (docs/campaign-reference.md "Export"): the campaign's tables and every
 * department's dossier as one Excel workbook, every notice as issued (HTML), the audit chain's
 * verification report at the time of export, the evidence files (佐证材料) under their unit's folder,
 * every process instance's diagram with the path it took (流程图: model, path, and an offline bpmn-js
 * page), and a manifest with the SHA-256 of every file
 * ({@code manifest.json}, and {@code SHA256SUMS} for {@code sha256sum -c}).
 */
@Service
public class CampaignArchive {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(CampaignDates.CHINA);
  static final String DIAGRAMS = "流程图/";
  static final String VIEWER_FOLDER = "查看器";
  static final String CAMPAIGN_FOLDER = "全活动";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  private final CampaignReviews reviews;
  private final CampaignWorkbook workbook;
  private final Notices notices;
  private final DepartmentDossiers dossiers;
  private final AuditChainVerifier verifier;
  private final EvidenceFiles evidence;
  private final ProcessDiagrams processDiagrams;

  CampaignArchive(CampaignReviews reviews, CampaignWorkbook workbook, Notices notices, DepartmentDossiers dossiers,
      AuditChainVerifier verifier, EvidenceFiles evidence, ProcessDiagrams processDiagrams) {
    this.processDiagrams = processDiagrams;
    this.evidence = evidence;
    this.reviews = reviews;
    this.verifier = verifier;
    this.dossiers = dossiers;
    this.workbook = workbook;
    this.notices = notices;
  }

  /** The archive's name and bytes; empty when there is no such campaign. */
  public Optional<Archive> export(String code, String exportedBy) {
    Optional<Overview> overview = reviews.overview(code);
    if (overview.isEmpty()) {
      return Optional.empty();
    }
    List<OperationLogEntry> log = reviews.operationLog(code).orElse(List.of());
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<DepartmentDossier> departments = reviews.departments(code).stream()
        .flatMap(department -> dossiers.of(code, department, true).stream()).toList();
    files.put("活动台账.xlsx", workbook.write(overview.get(), log, departments));
    for (IssuedNotice notice : notices.ofCampaign(code, null)) {
      notices.html(notice.id()).ifPresent(html -> files.put("文书/" + fileName(notice.number()) + ".html",
          html.getBytes(StandardCharsets.UTF_8)));
    }
    List<ObjectNode> evidenceEntries = new java.util.ArrayList<>();
    for (DepartmentDossier d : departments) {
      for (EvidenceFile f : d.evidence()) {
        String path = evidencePath(d.departmentName(), f);
        evidence.content(f.id()).ifPresent(bytes -> files.put(path, bytes));
        ObjectNode entry = JSON.createObjectNode();
        entry.put("path", path).put("department", d.department()).put("departmentName", d.departmentName())
            .put("taskName", f.taskName()).put("taskId", f.taskId()).put("processInstanceId", f.processInstanceId())
            .put("fileName", f.fileName()).put("contentType", f.contentType()).put("bytes", f.size())
            .put("sha256", f.sha256()).put("uploadedBy", f.uploadedBy()).put("uploadedAt", TIME.format(f.uploadedAt()));
        evidenceEntries.add(entry);
      }
    }
    diagrams(overview.get(), departments, files);
    files.put("审计链核验报告.txt", AuditReport.text(verifier.verify(code)).getBytes(StandardCharsets.UTF_8));
    Instant exportedAt = EngineInternals.now();
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("campaignCode", code);
    manifest.put("campaignName", overview.get().campaign().name());
    manifest.put("campaignState", overview.get().campaign().state());
    manifest.put("exportedAt", TIME.format(exportedAt));
    manifest.put("exportedBy", exportedBy);
    manifest.put("algorithm", "SHA-256");
    ArrayNode list = manifest.putArray("files");
    // the evidence files as recorded when uploaded (their SHA-256 is also in the audit chain)
    manifest.putArray("evidence").addAll(evidenceEntries);
    StringBuilder sums = new StringBuilder();
    files.forEach((path, bytes) -> {
      String hash = sha256(bytes);
      list.addObject().put("path", path).put("bytes", bytes.length).put("sha256", hash);
      sums.append(hash).append("  ").append(path).append('\n');
    });
    try {
      files.put("manifest.json", JSON.writeValueAsBytes(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
    return Optional.of(new Archive(code + "-审查档案-" + DateTimeFormatter.BASIC_ISO_DATE.withZone(CampaignDates.CHINA)
        .format(exportedAt) + ".zip", zip(files)));
  }

  /**
   * Every instance's diagram, for reading without network: under 流程图/<unit>/ (an instance of
   * several units and the campaign's own under 流程图/全活动/) the deployed model ({@code .bpmn}),
   * the path it took ({@code .path.json}: the marks of {@link ProcessDiagram}) and a page that draws
   * both ({@code .html}) with the bpmn-js viewer, its styles and LICENSE in 流程图/查看器/.
   */
  private void diagrams(Overview overview, List<DepartmentDossier> departments, Map<String, byte[]> files) {
    Map<String, String> folders = new LinkedHashMap<>();
    if (overview.campaign().processInstanceId() != null) {
      folders.put(overview.campaign().processInstanceId(), CAMPAIGN_FOLDER);
    }
    for (DepartmentDossier d : departments) {
      for (DepartmentDossier.ProcessInstance i : d.processInstances()) {
        folders.putIfAbsent(i.id(),
            DepartmentDossier.OWN.equals(i.relation()) ? fileName(d.departmentName()) : CAMPAIGN_FOLDER);
      }
    }
    folders.forEach((id, folder) -> processDiagrams.find(id).ifPresent(subject -> {
      ProcessDiagram diagram = processDiagrams.diagram(subject);
      String name = DIAGRAMS + folder + "/" + fileName(diagram.title()) + "-"
          + id.substring(0, Math.min(8, id.length()));
      files.put(name + ".bpmn", diagram.bpmnXml().getBytes(StandardCharsets.UTF_8));
      ObjectNode path = JSON.createObjectNode().put("title", diagram.title()).put("subtitle", diagram.subtitle())
          .put("processInstanceId", id);
      path.set("marks", JSON.valueToTree(diagram.marks()));
      try {
        files.put(name + ".path.json", JSON.writeValueAsBytes(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.put(name + ".html",
          ProcessDiagramPage.offline(diagram, "../" + VIEWER_FOLDER + "/").getBytes(StandardCharsets.UTF_8));
    }));
    if (!folders.isEmpty()) {
      for (String file : ProcessDiagramPage.EXPORTED) {
        files.put(DIAGRAMS + VIEWER_FOLDER + "/" + file, ProcessDiagramPage.exported(file));
      }
    }
  }

  /** A zip archive for download. */
  public record Archive(String fileName, byte[] bytes) {
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where an evidence file goes in the archive: 佐证材料/<unit>/<first 8 of its id>-<file name>. */
  static String evidencePath(String departmentName, EvidenceFile file) {
    return "佐证材料/" + fileName(departmentName) + "/" + file.id().substring(0, 8) + "-" + fileName(file.fileName());
  }

  private static String fileName(String text) {
    return text.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
