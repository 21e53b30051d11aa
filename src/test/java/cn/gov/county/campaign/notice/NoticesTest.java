package cn.gov.county.campaign.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.county.campaign.CampaignIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@CampaignIntegrationTest
class NoticesTest {

  private static final AtomicInteger CAMPAIGNS = new AtomicInteger();

  @Autowired
  Notices notices;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void shouldNumberNoticesPerCampaign_acrossKinds() {
    // given
    String campaign = newCampaign();
    String other = newCampaign();
    // when
    var first = issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
    var second = issue(draft(campaign, NoticeKind.SUPERVISION_NOTICE, "dept-finance"));
    var ofOther = issue(draft(other, NoticeKind.REMINDER, "dept-finance"));
    var third = issue(draft(campaign, NoticeKind.NAMED_CRITICISM, "dept-propaganda"));
    // then
    assertThat(List.of(first.number(), second.number(), third.number()))
        .containsExactly(campaign + "〔2026〕1号", campaign + "〔2026〕2号", campaign + "〔2026〕3号");
    assertThat(ofOther.number()).isEqualTo(other + "〔2026〕1号");
  }

  @Test
  void shouldNeverRepeatANumber_whenOneTransactionIssuesTwice() {
    // given
    String campaign = newCampaign();
    // when
    List<IssuedNotice> issued = inTransaction(() -> List.of(
        notices.issue(draft(campaign, NoticeKind.NAMED_CRITICISM, "dept-finance")),
        notices.issue(draft(campaign, NoticeKind.ADMONISHMENT_TALK, "dept-finance"))));
    // then
    assertThat(issued).extracting(IssuedNotice::number)
        .containsExactly(campaign + "〔2026〕1号", campaign + "〔2026〕2号");
  }

  @Test
  void shouldTakeTheYearOfTheIssueDate_andKeepCounting() {
    // given
    String campaign = newCampaign();
    issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
    // when
    var nextYear = issue(new NoticeDraft(campaign, NoticeKind.REPORT_TO_SUPERIOR, "县作风建设活动领导小组办公室",
        "市税务局", "关于县税务局作风建设情况的报告", "现将有关情况报告如下。", LocalDate.of(2027, 1, 5),
        "dept-tax", null, "office"));
    // then
    assertThat(nextYear.number()).isEqualTo(campaign + "〔2027〕2号");
  }

  @Test
  void shouldFailRatherThanRepeatANumber() {
    // given: a counter that lost its count, as a race between two first issues would leave it
    String campaign = newCampaign();
    issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
    jdbc.update("UPDATE campaign_notice_counter SET last_number = 0 WHERE campaign_code = ?", campaign);
    // when / then
    assertThatThrownBy(() -> issue(draft(campaign, NoticeKind.SUPERVISION_NOTICE, "dept-finance")))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(notices.ofCampaign(campaign, null)).hasSize(1);
  }

  @Test
  void shouldForgetTheNumber_whenTheIssuingTransactionRollsBack() {
    // given
    String campaign = newCampaign();
    // when
    assertThatThrownBy(() -> inTransaction(() -> {
      notices.issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
      throw new IllegalStateException("the step that issues the notice fails");
    })).isInstanceOf(IllegalStateException.class);
    var issued = issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
    // then
    assertThat(issued.number()).isEqualTo(campaign + "〔2026〕1号");
    assertThat(notices.ofCampaign(campaign, null)).containsExactly(issued);
  }

  @Test
  void shouldStoreTheDocumentAsIssued() {
    // given
    String campaign = newCampaign();
    var draft = draft(campaign, NoticeKind.SUPERVISION_NOTICE, "dept-finance");
    // when
    var issued = issue(draft);
    // then
    assertThat(issued.url()).isEqualTo("/campaign/notices/" + issued.id());
    assertThat(notices.find(issued.id())).contains(issued);
    assertThat(notices.html(issued.id())).contains(NoticeRenderer.render(draft, issued.number()));
    assertThat(notices.find(-1)).isEmpty();
    assertThat(notices.html(-1)).isEmpty();
  }

  @Test
  void shouldListTheCampaignsNotices_allOrOfOneDepartment() {
    // given
    String campaign = newCampaign();
    var finance = issue(draft(campaign, NoticeKind.REMINDER, "dept-finance"));
    var propaganda = issue(draft(campaign, NoticeKind.REMINDER, "dept-propaganda"));
    var financeAgain = issue(draft(campaign, NoticeKind.SUPERVISION_NOTICE, "dept-finance"));
    issue(draft(newCampaign(), NoticeKind.REMINDER, "dept-finance"));
    // then
    assertThat(notices.ofCampaign(campaign, null)).containsExactly(finance, propaganda, financeAgain);
    assertThat(notices.ofCampaign(campaign, "dept-finance")).containsExactly(finance, financeAgain);
  }

  @Test
  void shouldRefuseAnIncompleteDraft() {
    assertThatThrownBy(() -> new NoticeDraft("ZG-2026-7K3P", NoticeKind.REMINDER, "县委督查室", "县财政局", " ",
        "正文", LocalDate.of(2026, 8, 24), null, null, null))
        .hasMessage("文书缺少标题");
  }

  static String newCampaign() {
    return String.format("ZG-2026-T%03d", CAMPAIGNS.incrementAndGet());
  }

  static NoticeDraft draft(String campaign, NoticeKind kind, String department) {
    return new NoticeDraft(campaign, kind, "县委督查室", "县财政局", "关于督促报送自查报告的" + kind.label(),
        "你单位未按时报送自查报告。\n请于5个工作日内书面反馈。", LocalDate.of(2026, 8, 24), department, null, "supervisor");
  }

  private IssuedNotice issue(NoticeDraft draft) {
    return inTransaction(() -> notices.issue(draft));
  }

  private <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }
}
