package cn.gov.county.campaign.survey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A survey results sheet as rows of cell texts, read from CSV (UTF-8, or GB18030 as saved by a
 * Chinese Excel) or from the first sheet of an Excel workbook (.xlsx, .xls). Row and column numbers
 * are the spreadsheet's: the header is row 1, column A is 1.
 */
record SurveySheet(List<List<String>> rows) {

  private static final Logger LOG = LoggerFactory.getLogger(SurveySheet.class);

  private static final Charset GB18030 = Charset.forName("GB18030");

  static SurveySheet read(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase();
    if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
      return excel(content);
    }
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return csv(text(content));
    }
    throw new SurveyInputException(List.of("文件「" + fileName + "」不是 CSV 或 Excel 文件（.csv、.xlsx、.xls）"));
  }

  static SurveySheet csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString().trim());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString().trim());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString().trim());
      rows.add(row);
    }
    return new SurveySheet(rows);
  }

  private static String text(byte[] content) {
    int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(content, start, content.length - start, GB18030);
    }
  }

  private static SurveySheet excel(byte[] content) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      DataFormatter formatter = new DataFormatter();
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator).trim());
          }
        }
        rows.add(cells);
      }
      return new SurveySheet(rows);
    } catch (IOException | RuntimeException e) {
      // the library's own text (class names, offsets) stays in the log; the clerk gets what to do
      LOG.warn("Uploaded survey sheet not readable: {}", e.toString());
      throw new SurveyInputException(List.of("Excel 文件无法读取（文件已损坏、加密或不是 Excel 文件），请用 Excel 或 WPS 另存为 .xlsx 后重新上传"));
    }
  }

  /** "A", "B", ... "AA" for a 1-based column. */
  static String columnLetter(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.toString();
  }
}
