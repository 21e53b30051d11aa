package cn.gov.county.campaign.system;

import org.springframework.web.util.HtmlUtils;

/**
 * The one escaping of the application's HTML pages: Spring's {@link HtmlUtils} for UTF-8 pages
 * ({@code & < > " '} become entities, every other character stays as it is). Null is the empty
 * text.
 */
public final class Html {

  private Html() {
  }

  /** The text as HTML text or attribute value. */
  public static String escape(Object text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text.toString(), "UTF-8");
  }
}
