package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.organization.Organization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sheet the office fills in a spreadsheet program: one row per participating department with
 * its code, name and category, and an empty column per answer of the round's scale.
 */
final class SurveyTemplates {

  private SurveyTemplates() {
  }

  static List<String> header(SurveyScale scale) {
    List<String> header = new ArrayList<>(List.of(SurveyEntries.CODE, SurveyEntries.NAME, SurveyEntries.CATEGORY));
    scale.answers().forEach(a -> header.add(a.answer()));
    return header;
  }

  /** UTF-8 with a byte-order mark, so that Excel opens the Chinese correctly. */
  static byte[] csv(SurveyScale scale, List<Organization.Department> departments) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", header(scale))).append("\r\n");
    for (Organization.Department d : departments) {
      csv.append(d.id()).append(',').append(quoted(d.name())).append(',').append(quoted(d.category().label()))
          .append(",".repeat(scale.answers().size())).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(SurveyScale scale, List<Organization.Department> departments, String roundName) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("测评结果");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      List<String> header = header(scale);
      Row first = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        Cell cell = first.createCell(c);
        cell.setCellValue(header.get(c));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (Organization.Department d : departments) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(d.id());
        row.createCell(1).setCellValue(d.name());
        row.createCell(2).setCellValue(d.category().label());
      }
      sheet.setColumnWidth(0, 20 * 256);
      sheet.setColumnWidth(1, 30 * 256);
      sheet.setColumnWidth(2, 16 * 256);
      sheet.createFreezePane(0, 1);
      Sheet help = workbook.createSheet("填写说明");
      String[] lines = {
          roundName == null ? "满意度测评结果" : roundName,
          "在「测评结果」表中为每个单位填写各选项的票数（0 或正整数）。",
          "未参加本轮测评的单位，各选项留空；不要修改表头、部门编码和部门名称。",
          "计分：" + scale.formula(),
          "上传时整表检查，有错误的整表退回并指明行和列，改正后重新上传。"};
      for (int i = 0; i < lines.length; i++) {
        help.createRow(i).createCell(0).setCellValue(lines[i]);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
