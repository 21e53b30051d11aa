package cn.gov.county.campaign.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Reading an uploaded sheet: the template round trip in Excel and CSV (UTF-8 and the GB18030 a
 * Chinese Excel saves), and a sheet with bad rows refused whole, each problem named by row and
 * column.
 */
class SurveySheetTest {

  static final SurveyScale STANDARD = SurveyScoringTest.STANDARD;

  @Test
  void theExcelTemplateFilledInASpreadsheetProgramIsReadBack() throws IOException {
    byte[] template = SurveyTemplates.xlsx(STANDARD, SurveyScoringTest.demoDepartments(), "第二次作风建设满意度测评");
    byte[] filled;
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.getSheet("测评结果");
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("满意");
      assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("县市场监督管理局");
      int[][] counts = {{90, 10, 0, 3}, {50, 40, 10, 0}, {80, 15, 5, 10}, {60, 30, 10, 5}, {70, 20, 10, 0}};
      for (int r = 0; r < counts.length; r++) {
        for (int c = 0; c < 4; c++) {
          sheet.getRow(r + 1).createCell(3 + c).setCellValue(counts[r][c]);
        }
      }
      workbook.write(out);
      filled = out.toByteArray();
    }

    List<SurveyScoring.Entry> entries = SurveyEntries.read(SurveySheet.read("结果.xlsx", filled), STANDARD,
        SurveyScoringTest.demoDepartments());

    // the education bureau's row was left empty: not surveyed, not ranked
    assertThat(entries).extracting(e -> e.department().id() + " " + e.counts())
        .containsExactly("dept-propaganda {满意=90, 基本满意=10, 不满意=0, 不了解=3}",
            "dept-union {满意=50, 基本满意=40, 不满意=10, 不了解=0}",
            "dept-devreform {满意=80, 基本满意=15, 不满意=5, 不了解=10}",
            "dept-finance {满意=60, 基本满意=30, 不满意=10, 不了解=5}",
            "dept-market {满意=70, 基本满意=20, 不满意=10, 不了解=0}");
  }

  @Test
  void aCsvSavedByAChineseExcelInGb18030IsRead() {
    String csv = "部门名称,满意,基本满意,不满意,不了解\r\n县财政局,60,30,10,5\r\n\"县总工会\",50,40,10,\r\n";
    List<SurveyScoring.Entry> entries = SurveyEntries.read(SurveySheet.read("结果.csv",
        csv.getBytes(Charset.forName("GB18030"))), STANDARD, SurveyScoringTest.demoDepartments());

    assertThat(entries)
        .extracting(e -> e.department().name() + " " + e.counts().get("满意") + " " + e.counts().get("不了解"))
        .containsExactly("县总工会 50 0", "县财政局 60 5");
  }

  @Test
  void aSheetWithBadRowsIsRefusedWholeAndEveryProblemNamesItsRowAndColumn() {
    String csv = "\uFEFF部门编码,部门名称,单位类别,满意,基本满意,不满意,不了解\n"
        + "dept-propaganda,县委宣传部,党群部门,90,10,0,3\n"
        + "dept-finance,县财政局,政府职能部门,六十,30,10,5\n"
        + "dept-market,县市场监督管理局,政府职能部门,70,-2,10,0\n"
        + "dept-nowhere,县不存在局,政府职能部门,70,20,10,0\n"
        + ",县财政局,政府职能部门,1,1,1,1\n"
        + "dept-union,县总工会,党群部门,0,0,0,12\n";

    assertThatThrownBy(() -> SurveyEntries.read(SurveySheet.read("结果.csv", csv.getBytes(StandardCharsets.UTF_8)),
        STANDARD, SurveyScoringTest.demoDepartments()))
        .isInstanceOfSatisfying(SurveyInputException.class, refused -> assertThat(refused.problems()).containsExactly(
            "第3行第D列「满意」：应为 0 到 1000000 之间的整数票数，实际为「六十」",
            "第4行第E列「基本满意」：应为 0 到 1000000 之间的整数票数，实际为「-2」",
            "第5行第A列「部门编码」：「dept-nowhere」不是参加本次活动的部门",
            "第6行：部门「县财政局」与第3行重复",
            "第7行：部门「县总工会」没有计入得分的票（满意、基本满意、不满意合计为 0），无法计分；未参加测评的部门请把各选项留空"));
  }

  @Test
  void aSheetWithoutTheScalesColumnsIsRefusedAtItsHeader() {
    String csv = "部门名称,满意,基本满意,很不满意\n县财政局,1,2,3\n";

    assertThatThrownBy(() -> SurveyEntries.read(SurveySheet.read("结果.csv", csv.getBytes(StandardCharsets.UTF_8)),
        STANDARD, SurveyScoringTest.demoDepartments()))
        .isInstanceOfSatisfying(SurveyInputException.class, refused -> assertThat(refused.problems()).containsExactly(
            "第1行第D列「很不满意」：不是本轮测评的列；应为部门编码、部门名称或测评选项（满意、基本满意、不满意、不了解）",
            "第1行：缺少测评选项「不满意」列",
            "第1行：缺少测评选项「不了解」列"));
  }

  @Test
  void aFileThatIsNoSheetIsRefused() {
    assertThatThrownBy(() -> SurveySheet.read("结果.docx", new byte[]{1, 2}))
        .hasMessage("文件「结果.docx」不是 CSV 或 Excel 文件（.csv、.xlsx、.xls）");
  }

  @Test
  void aDamagedExcelFileIsRefusedInWordsAClerkUnderstands_withoutTheLibrarysText() {
    byte[] damaged = "PK\u0003\u0004 this is no workbook".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SurveySheet.read("结果.xlsx", damaged))
        .isInstanceOf(SurveyInputException.class)
        .satisfies(e -> assertThat(((SurveyInputException) e).problems()).singleElement()
            .satisfies(problem -> assertThat(problem).startsWith("Excel 文件无法读取").doesNotContainIgnoringCase("exception")
                .doesNotContain("org.apache", "zip", "poi")));
  }
}
