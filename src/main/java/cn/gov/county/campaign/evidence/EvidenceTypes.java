package cn.gov.county.campaign.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types an evidence file may have, each recognised by its content as well as its
 * extension: a file named {@code .pdf} must start as a PDF does, a {@code .docx} must be a zip
 * holding a Word document. The content type sent back on download is the type's own, never the
 * one the uploading browser claimed.
 */
final class EvidenceTypes {

  /** One accepted type: its extension, MIME type, Chinese name and how its content begins. */
  record Type(String extension, String contentType, String label, Predicate<byte[]> content) {
  }

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  /** Compound File Binary (OLE2): Word 97–2003 and Excel 97–2003. */
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final int MAX_ZIP_ENTRIES = 10_000;

  static final List<Type> ALL = List.of(
      new Type("jpg", "image/jpeg", "JPEG 图片", b -> startsWith(b, JPEG)),
      new Type("jpeg", "image/jpeg", "JPEG 图片", b -> startsWith(b, JPEG)),
      new Type("png", "image/png", "PNG 图片", b -> startsWith(b, PNG)),
      new Type("pdf", "application/pdf", "PDF 文档", b -> startsWith(b, PDF)),
      new Type("doc", "application/msword", "Word 文档", b -> startsWith(b, OLE2)),
      new Type("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档",
          b -> officeZip(b, "word/")),
      new Type("xls", "application/vnd.ms-excel", "Excel 表格", b -> startsWith(b, OLE2)),
      new Type("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格",
          b -> officeZip(b, "xl/")));

  static final List<String> KNOWN = ALL.stream().map(Type::extension).toList();

  private EvidenceTypes() {
  }

  static Optional<Type> of(String extension) {
    return ALL.stream().filter(t -> t.extension().equals(extension)).findFirst();
  }

  /** "jpg" for "整改照片.JPG"; "" without an extension. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** An Office Open XML file: a zip with {@code [Content_Types].xml} and the application's folder. */
  private static boolean officeZip(byte[] content, String folder) {
    if (!startsWith(content, ZIP)) {
      return false;
    }
    boolean types = false;
    boolean part = false;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      int n = 0;
      while ((entry = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
        types |= entry.getName().equals("[Content_Types].xml");
        part |= entry.getName().startsWith(folder);
        if (types && part) {
          return true;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
    return false;
  }
}
