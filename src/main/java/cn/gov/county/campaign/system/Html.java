package cn.gov.county.campaign.system;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The one way the application builds its HTML pages: {@link #page} for the head, and one escaping, Spring's {@link HtmlUtils} for UTF-8 pages
 * ({@code & < > " '} become entities, every other character stays as it is). Null is the empty
 * text.
 */
public final class Html {

  private Html() {
  }

  /**
   * The start of a page, up to and with {@code <body>} and a line break: UTF-8, Chinese, sized for
   * phones, the title (escaped) and the page's own style sheet. The caller appends the body and
   * closes it with {@code </body></html>}.
   *
   * @param style CSS, without {@code <style>}
   */
  public static StringBuilder page(String title, String style) {
    return page(title, style, List.of());
  }

  /**
   * {@link #page(String, String)} with style sheets linked before the page's own style (so the
   * page's own rules come last).
   *
   * @param stylesheets addresses of style sheets from this server (or relative), escaped here
   */
  public static StringBuilder page(String title, String style, List<String> stylesheets) {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(escape(title))
        .append("</title>");
    for (String stylesheet : stylesheets) {
      page.append("<link rel=\"stylesheet\" href=\"").append(escape(stylesheet)).append("\">");
    }
    return page.append("<style>").append(style).append("</style></head><body>\n");
  }

  /** The text as HTML text or attribute value. */
  public static String escape(Object text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text.toString(), "UTF-8");
  }
}
