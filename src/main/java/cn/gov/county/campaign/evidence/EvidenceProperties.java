package cn.gov.county.campaign.evidence;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code campaign.evidence}: what an evidence file (佐证材料) may be.
 *
 * @param maxFileSize largest file accepted (default 10MB); Spring's multipart limits
 *                    ({@code spring.servlet.multipart.*}) must be larger, so that the application
 *                    itself reads the file and refuses it by name
 * @param types       accepted file types by extension (default jpg, jpeg, png, pdf, doc, docx, xls,
 *                    xlsx); each must be one {@link EvidenceTypes} can recognise by its content
 */
@ConfigurationProperties(prefix = "campaign.evidence")
record EvidenceProperties(DataSize maxFileSize, List<String> types) {

  static final List<String> DEFAULT_TYPES = List.of("jpg", "jpeg", "png", "pdf", "doc", "docx", "xls", "xlsx");

  EvidenceProperties {
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    if (maxFileSize.toBytes() <= 0) {
      throw new IllegalArgumentException("campaign.evidence.max-file-size must be positive");
    }
    types = (types == null || types.isEmpty() ? DEFAULT_TYPES : types).stream()
        .map(t -> t.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).distinct().toList();
    for (String type : types) {
      if (EvidenceTypes.of(type).isEmpty()) {
        throw new IllegalArgumentException("campaign.evidence.types: \"" + type + "\" is not a type the application "
            + "can recognise by its content; known: " + EvidenceTypes.KNOWN);
      }
    }
  }
}
