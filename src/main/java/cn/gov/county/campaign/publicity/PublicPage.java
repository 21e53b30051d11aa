package cn.gov.county.campaign.publicity;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.system.Html;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** The public notice page (公示) as plain HTML: no script, one small form per entry. */
final class PublicPage {

  private static final String STYLE = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5em auto;"
      + "max-width:56em;padding:0 1em;color:#222;line-height:1.6}h1{font-size:1.5em;color:#a00}h2{border-bottom:2px solid #a00;"
      + "padding-bottom:.2em}article{border:1px solid #ccc;border-radius:4px;padding:.6em 1em;margin:.8em 0}"
      + ".meta{color:#555;font-size:.9em}details{margin-top:.5em}textarea,input{width:100%;box-sizing:border-box;"
      + "font:inherit;margin:.2em 0}button{font:inherit;padding:.3em 1.2em}";

  private PublicPage() {
  }

  static String render(String campaignName, String code, List<PublicEntry> entries, LocalDate today) {
    StringBuilder html = head(campaignName + "承诺公示")
        .append("<h1>").append(escape(campaignName)).append("　承诺和整改结果公示</h1>\n<p>以下是参加「").append(escape(campaignName))
        .append("」（").append(escape(code)).append("）的单位及其领导班子成员、干部职工作出的承诺，以及边查边改已整改销号问题的整改结果，"
            + "在公示期内接受社会监督。对公示内容有意见的，可在对应条目下提交反馈，领导小组办公室将作为投诉举报登记，交纪检监察机关核实。"
            + "今天是 ")
        .append(today).append("。</p>\n");
    if (entries.isEmpty()) {
      html.append("<p>目前没有正在公示的内容。</p>\n");
    }
    Map<String, List<PublicEntry>> byUnit = new LinkedHashMap<>();
    entries
        .forEach(entry -> byUnit.computeIfAbsent(entry.departmentName(), k -> new java.util.ArrayList<>()).add(entry));
    byUnit.forEach((unit, list) -> {
      html.append("<section><h2>").append(escape(unit)).append("</h2>\n");
      for (PublicEntry entry : list) {
        html.append("<article id=\"entry-").append(entry.id()).append("\"><h3>").append(escape(entry.kind().label()));
        if (entry.personName() != null) {
          html.append("　").append(escape(entry.personName()));
        }
        if (entry.post() != null && !entry.post().isBlank()) {
          html.append("（").append(escape(entry.post())).append("）");
        }
        html.append("</h3>\n<p>").append(escape(entry.content()).replace("\n", "<br>"))
            .append("</p>\n<p class=\"meta\">公示期：")
            .append(entry.publishedOn()).append(" 至 ").append(entry.publicityUntil()).append("</p>\n")
            .append("<details><summary>对这条公示提出意见</summary><form method=\"post\" action=\"/public/campaigns/")
            .append(escape(code)).append("/commitments/").append(entry.id()).append("/responses\">")
            .append("<label>反馈内容（").append(PublicCommitmentController.RESPONSE_MIN).append(" 至 ")
            .append(PublicCommitmentController.RESPONSE_MAX)
            .append(" 字）<textarea name=\"content\" rows=\"4\" required minlength=\"")
            .append(PublicCommitmentController.RESPONSE_MIN).append("\" maxlength=\"")
            .append(PublicCommitmentController.RESPONSE_MAX)
            .append("\"></textarea></label><label>联系方式（选填，便于核实后回复）<input name=\"contact\" maxlength=\"")
            .append(PublicCommitmentController.CONTACT_MAX)
            .append("\"></label><button type=\"submit\">提交反馈</button></form></details>")
            .append("</article>\n");
      }
      html.append("</section>\n");
    });
    return html.append("</body></html>\n").toString();
  }

  static String message(String title, String text) {
    return head(title).append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(text))
        .append("</p>\n</body></html>\n")
        .toString();
  }

  private static StringBuilder head(String title) {
    return Html.page(title, STYLE);
  }
}
