package cn.gov.county.campaign.assessment;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import cn.gov.county.campaign.system.Html;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year's published assessment for the working bodies and auditors: JSON, a printable page and an
 * Excel workbook. (Every unit reads the circulated 通报 itself among its notices.)
 */
@RestController
class AnnualAssessmentController {

  private static final List<String> HEADERS = List.of("单位类别", "类别内名次", "单位", "作风分", "实绩分", "得分", "等次",
      "投诉举报查实", "督办",
      "督查问责", "逾期任务", "取消评优", "通报表扬", "问责");
  private static final Map<String, String> GRADES = Map.of("excellent", "好", "good", "较好", "fair", "一般", "poor", "差");

  private final AnnualAssessments assessments;

  AnnualAssessmentController(AnnualAssessments assessments) {
    this.assessments = assessments;
  }

  @GetMapping("/campaign/api/assessments/{year}")
  ResponseEntity<?> json(@PathVariable int year, HttpServletRequest request) {
    return allowed(request) ? ResponseEntity.ok(assessments.published(year)) : forbidden();
  }

  @GetMapping("/campaign/assessments/{year}")
  ResponseEntity<String> page(@PathVariable int year, HttpServletRequest request) {
    if (!allowed(request)) {
      return forbidden();
    }
    StringBuilder html = Html.page(year + "年度考核评比结果", "body{font-family:'Noto Serif CJK SC',serif;margin:2em}"
        + "table{border-collapse:collapse}td,th{border:1px solid #333;padding:4px 8px}@media print{a{display:none}}")
        .append("<h1>").append(year).append("年度作风建设考核评比结果</h1>")
        .append("<p><a href=\"/campaign/assessments/").append(year).append(".xlsx\">导出 Excel</a></p><table><tr>");
    HEADERS.forEach(h -> html.append("<th>").append(h).append("</th>"));
    html.append("</tr>");
    for (List<String> row : rows(year)) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</table></body></html>");
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html.toString());
  }

  @GetMapping("/campaign/assessments/{year}.xlsx")
  ResponseEntity<?> workbook(@PathVariable int year, HttpServletRequest request) throws IOException {
    if (!allowed(request)) {
      return forbidden();
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(year + "年度考核评比");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
      }
      int r = 1;
      for (List<String> row : rows(year)) {
        Row line = sheet.createRow(r++);
        for (int i = 0; i < row.size(); i++) {
          line.createCell(i).setCellValue(row.get(i));
        }
      }
      workbook.write(out);
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename(year + "年度考核评比结果.xlsx", StandardCharsets.UTF_8).build().toString())
          .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
          .body(out.toByteArray());
    }
  }

  private List<List<String>> rows(int year) {
    return assessments.published(year).stream().map(r -> List.of(r.unitCategory(),
        r.categoryRank() + "/" + r.categorySize(), r.departmentName(), String.valueOf(r.conductScore()),
        String.valueOf(r.performanceScore()), String.valueOf(r.score()),
        GRADES.getOrDefault(r.grade(), r.grade()), String.valueOf(r.verifiedComplaints()),
        String.valueOf(r.escalations()),
        String.valueOf(r.supervisionCases()), String.valueOf(r.lateTasks()), yes(r.disqualified()), yes(r.commended()),
        yes(r.accountable()))).toList();
  }

  private static String yes(boolean flag) {
    return flag ? "是" : "";
  }

  private static boolean allowed(HttpServletRequest request) {
    return CampaignApiAuthentication.current(request).readsAll();
  }

  private static <T> ResponseEntity<T> forbidden() {
    @SuppressWarnings("unchecked")
    ResponseEntity<T> answer = (ResponseEntity<T>) CampaignApiAuthentication.answer(HttpStatus.FORBIDDEN,
        "年度考核评比结果只由领导小组办公室、工作机构和审计组查看；各单位请查阅印发的通报。");
    return answer;
  }
}
