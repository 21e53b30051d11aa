package cn.gov.county.campaign.notice;

import static cn.gov.county.campaign.system.Html.escape;

import java.time.LocalDate;

/**
 * A notice as a printable HTML page in the layout of a Chinese official document (GB/T 9704):
 * the issuing body's name in red, the document number, a red separator, the centred title, the
 * addressee, the body with paragraphs indented two characters, the issuer's signature and the date
 * as the standard places them on a document without a seal (署名右空二字, 日期首字右移二字), and the
 * imprint line (印发机关, 印发日期) between thin lines. A4 when printed.
 */
final class NoticeRenderer {

  private static final String STYLE = """
      @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
      * { box-sizing: border-box; }
      html { background: #e8e8e8; }
      body { margin: 0; color: #000; print-color-adjust: exact; -webkit-print-color-adjust: exact;
        font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
        font-size: 16pt; line-height: 28pt; }
      .toolbar { width: 210mm; margin: 4mm auto; text-align: right; }
      .toolbar button { padding: 4px 20px; font: inherit; font-size: 12pt; line-height: 1.6; cursor: pointer; }
      .page { display: flex; flex-direction: column; width: 210mm; min-height: 297mm; margin: 0 auto 8mm;
        padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .3); }
      p { margin: 0; text-align: justify; }
      .mark { color: #c00; text-align: center; font-weight: bold; line-height: 1.1; }
      .number { text-align: center; margin: 20pt 0 6pt; }
      .separator { border: 0; border-top: 2px solid #c00; margin: 0 0 22pt; width: 100%; }
      h1 { text-align: center; text-wrap: balance; font-size: 22pt; line-height: 34pt; font-weight: bold;
        margin: 0 0 20pt; }
      .text p { text-indent: 2em; }
      .signature { align-self: flex-end; margin: 28pt 2em 0 0; }
      .signature p + p { padding-left: 2em; }
      .imprint { margin-top: auto; padding-top: 8pt; font-size: 14pt; line-height: 22pt; }
      .imprint div { display: flex; justify-content: space-between; padding: 4pt 1em;
        border-top: 1px solid #000; border-bottom: 1px solid #000; }
      @media print {
        html { background: none; }
        .toolbar { display: none; }
        .page { width: auto; min-height: 224mm; margin: 0; padding: 0; box-shadow: none; }
      }
      """;

  private NoticeRenderer() {
  }

  static String render(NoticeDraft draft, String number) {
    String date = chineseDate(draft.issuedOn());
    StringBuilder html = new StringBuilder()
        .append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<title>").append(escape(number)).append(' ').append(escape(draft.title())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<div class=\"toolbar\"><button type=\"button\" data-print>打印</button>")
        .append("<script src=\"/campaign-assets/print.js\"></script></div>\n")
        .append("<article class=\"page\">\n")
        .append("<p class=\"mark\" style=\"font-size: ").append(markSize(draft.issuer())).append("pt\">")
        .append(escape(draft.issuer())).append("</p>\n")
        .append("<p class=\"number\">").append(escape(number)).append("</p>\n")
        .append("<hr class=\"separator\">\n")
        .append("<h1>").append(escape(draft.title())).append("</h1>\n")
        .append("<p class=\"addressee\">").append(escape(draft.addressee())).append("：</p>\n")
        .append("<div class=\"text\">\n");
    draft.body().lines().map(String::strip).filter(line -> !line.isEmpty())
        .forEach(paragraph -> html.append("<p>").append(escape(paragraph)).append("</p>\n"));
    return html.append("</div>\n")
        .append("<div class=\"signature\">\n<p>").append(escape(draft.issuer())).append("</p>\n<p>")
        .append(date).append("</p>\n</div>\n")
        .append("<footer class=\"imprint\">\n<div><span>").append(escape(draft.issuer())).append("</span> <span>")
        .append(date).append("印发</span></div>\n</footer>\n")
        .append("</article>\n</body>\n</html>\n")
        .toString();
  }

  /** "2026年8月24日", Arabic numerals as GB/T 9704-2012 asks. */
  static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** Large for a short name, smaller so that a long one still fits on one line of the 156 mm type area. */
  private static int markSize(String issuer) {
    return Math.min(36, 400 / Math.max(1, issuer.strip().length()));
  }
}
