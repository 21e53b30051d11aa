package cn.gov.county.campaign.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {

  private static final String NUMBER = "ZG-2026-7K3P〔2026〕3号";

  @Test
  void shouldLayOutTheNoticeAsAnOfficialDocument() {
    // given
    var draft = draft("县委督查室", "关于督促报送自查报告的督办通知单",
        "你单位未按时报送自查报告。\n\n请于5个工作日内书面反馈。");
    // when
    String html = NoticeRenderer.render(draft, NUMBER);
    // then
    assertThat(html)
        .contains("<p class=\"mark\"", ">县委督查室</p>")
        .contains("<p class=\"number\">" + NUMBER + "</p>")
        .contains("<hr class=\"separator\">")
        .contains("<h1>关于督促报送自查报告的督办通知单</h1>")
        .contains("<p class=\"addressee\">县财政局：</p>")
        .contains("<p>你单位未按时报送自查报告。</p>\n<p>请于5个工作日内书面反馈。</p>")
        .contains("<p>县委督查室</p>\n<p>2026年8月24日</p>")
        .contains("<span>县委督查室</span> <span>2026年8月24日印发</span>")
        .contains("@page { size: A4;",
            "\"FangSong\", \"STFangsong\", \"Noto Serif CJK SC\", \"Noto Sans CJK SC\", serif")
        .contains(">打印</button>", "@media print", ".toolbar { display: none; }")
        .doesNotContain("<p></p>");
  }

  @Test
  void shouldEscapeEveryText() {
    // given
    var draft = draft("督查室<b>", "标题<script>alert(1)</script>", "正文<script>alert(2)</script> & \"引号\"");
    // when
    String html = NoticeRenderer.render(draft, NUMBER);
    // then
    assertThat(html)
        .doesNotContain("<script>", "<b>")
        .contains("标题&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("正文&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;引号&quot;")
        .contains("督查室&lt;b&gt;");
  }

  @Test
  void shouldWriteDatesTheChineseWay() {
    assertThat(NoticeRenderer.chineseDate(LocalDate.of(2026, 8, 24))).isEqualTo("2026年8月24日");
    assertThat(NoticeRenderer.chineseDate(LocalDate.of(2026, 10, 1))).isEqualTo("2026年10月1日");
  }

  private static NoticeDraft draft(String issuer, String title, String body) {
    return new NoticeDraft("ZG-2026-7K3P", NoticeKind.SUPERVISION_NOTICE, issuer, "县财政局", title, body,
        LocalDate.of(2026, 8, 24), "dept-finance", null, "supervisor");
  }
}
