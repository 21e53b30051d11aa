package cn.gov.county.campaign.survey;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.system.Html;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The two small HTML pages of surveys: the office's upload page and the printable ranking. */
final class SurveyPages {

  private static final String STYLE = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
      + "margin:2em auto;max-width:60em;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}"
      + "th,td{border:1px solid #999;padding:.3em .5em;text-align:left}td.n{text-align:right}"
      + "tr.bottom td{background:#fde8e8}.entry{border:1px solid #ccc;padding:1em;margin:1em 0}"
      + ".problems{color:#a00;white-space:pre-wrap}.done{color:#060;white-space:pre-wrap}"
      + "@media print{.noprint{display:none}}";

  private SurveyPages() {
  }

  /** @param csrfToken the session's CSRF token, sent back with each upload (null without a session) */
  static String entry(List<SurveyController.Entry> entries, String csrfToken) {
    StringBuilder html = page("上传满意度测评结果")
        .append("<meta name=\"campaign-csrf-token\" content=\"").append(escape(csrfToken == null ? "" : csrfToken))
        .append("\">\n")
        .append("<h1>上传满意度测评结果</h1>\n")
        .append("<p>下载本轮的模板，在 Excel、WPS 等电子表格程序中为每个单位填写各选项的票数（未参加测评的单位留空），"
            + "保存为 .xlsx 或 .csv 后在这里上传。整表检查：有错误的整表退回，并指明行和列；全部正确才导入，并完成「录入测评结果」任务。</p>\n");
    if (entries.isEmpty()) {
      html.append("<p>目前没有待录入的测评。发起一轮测评请在任务列表中启动「满意度测评」。</p>");
    }
    for (SurveyController.Entry e : entries) {
      String id = escape(e.taskId());
      html.append("<section class=\"entry\"><h2>").append(escape(e.roundName())).append("</h2>\n<p>")
          .append(escape(e.campaignName())).append("（").append(escape(e.campaignCode())).append("）第")
          .append(e.round()).append("轮　计分：").append(escape(e.scale().formula())).append("</p>\n")
          .append("<p>模板：<a href=\"/campaign/api/surveys/entry/").append(id)
          .append("/template.xlsx\">Excel（.xlsx）</a>　")
          .append("<a href=\"/campaign/api/surveys/entry/").append(id).append("/template.csv\">CSV</a></p>\n")
          .append("<form data-task=\"").append(id)
          .append("\"><input type=\"file\" name=\"file\" accept=\".xlsx,.xls,.csv\" required> ")
          .append("<button type=\"submit\">上传并导入</button></form>\n<div class=\"result\"></div></section>\n");
    }
    html.append("<script src=\"/campaign-assets/survey-upload.js\"></script>\n");
    return html.append("</body></html>").toString();
  }

  static String ranking(SurveyRounds.Round round, String campaignName) {
    StringBuilder html = page(round.name()).append("<h1>").append(escape(round.name())).append("结果</h1>\n<p>")
        .append(escape(campaignName)).append("（").append(escape(round.campaignCode())).append("）　测评日期：")
        .append(escape(round.surveyDate())).append(round.countsForConsequences() ? "　本轮作为问责依据" : "　本轮不作为问责依据")
        .append("</p>\n<p>同一单位类别内排名：得分高的在前；得分相同的，「不满意」票占比低的在前；两项都相同的名次并列"
            + "（并列最后的都算最后一名）。</p>\n");
    if (round.ranking().isEmpty()) {
      return html.append("<p>测评票数尚未录入。</p></body></html>").toString();
    }
    var approval = round.approval();
    if (approval.containsKey(SurveyModel.MEETING_DATE)) {
      html.append("<p>联席会议审定：").append(escape(approval.get(SurveyModel.MEETING_DATE)))
          .append("　参会：").append(escape(approval.getOrDefault(SurveyModel.MEETING_PARTICIPANTS, "")))
          .append("　审定意见：").append(escape(approval.getOrDefault(SurveyModel.MEETING_DECISION, ""))).append("</p>\n");
    } else if (approval.containsKey("diagnosticRequirements")) {
      html.append("<p>作风问计（不作为问责依据），办公室整改要求：").append(escape(approval.get("diagnosticRequirements")))
          .append("</p>\n");
    } else {
      html.append("<p>测评结果尚待审定，未公布。</p>\n");
    }
    var publication = round.publication();
    if (publication.containsKey(SurveyModel.MEDIUM)) {
      html.append("<p>媒体公布：").append(escape(publication.get(SurveyModel.PUBLICATION_DATE))).append("　")
          .append(escape(publication.get(SurveyModel.MEDIUM))).append("</p>\n");
    }
    round.superiorReports().forEach(report -> html.append("<p>").append(escape(report.path("departmentName").asText()))
        .append("的测评结果已报告").append(escape(report.path("superior").asText())).append("（")
        .append(escape(report.path("noticeNumber").asText())).append("）</p>\n"));
    String category = null;
    for (JsonNode row : round.ranking()) {
      if (!row.path("unitCategory").asText().equals(category)) {
        if (category != null) {
          html.append("</tbody></table>\n");
        }
        category = row.path("unitCategory").asText();
        html.append("<h2>").append(escape(category)).append("</h2>\n<table><thead><tr><th>名次</th><th>单位</th>");
        row.path("counts").fieldNames()
            .forEachRemaining(answer -> html.append("<th>").append(escape(answer)).append("</th>"));
        html.append("<th>得分</th><th>结果运用</th><th>审定意见</th></tr></thead><tbody>\n");
      }
      html.append(row.path("inBottomPosition").asBoolean() ? "<tr class=\"bottom\">" : "<tr>")
          .append("<td class=\"n\">").append(row.path("rank").asInt()).append("/")
          .append(row.path("categorySize").asInt())
          .append("</td><td>").append(escape(row.path("departmentName").asText())).append("</td>");
      row.path("counts").forEach(n -> html.append("<td class=\"n\">").append(n.asLong()).append("</td>"));
      String decision = round.consequenceOf(row.path("department").asText())
          .map(c -> switch (c.path("decision").asText("")) {
            case SurveyModel.CONFIRM -> "确认启动";
            case SurveyModel.REJECT -> "不予启动：" + c.path("reason").asText();
            default -> "待审定";
          }).orElse("");
      html.append("<td class=\"n\">").append(escape(row.path("score").asText())).append("</td><td>")
          .append(escape(row.path("consequenceLabel").asText().isEmpty()
              ? row.path("positionLabel").asText()
              : row.path("consequenceLabel").asText()))
          .append("</td><td>").append(escape(decision)).append("</td></tr>\n");
    }
    return html
        .append(
            "</tbody></table>\n<p class=\"noprint\"><button onclick=\"window.print()\">打印</button></p></body></html>")
        .toString();
  }

  private static StringBuilder page(String title) {
    return Html.page(title, STYLE);
  }
}
