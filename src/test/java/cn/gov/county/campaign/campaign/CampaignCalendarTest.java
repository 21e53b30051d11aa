package cn.gov.county.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.form.FieldViolation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

  /** Seed 001's campaign: early August to the end of September, report due 20 August. */
  static Map<String, String> seed001Dates() {
    Map<String, String> dates = new HashMap<>();
    dates.put("mobilizationStart", "2027-08-02");
    dates.put("mobilizationEnd", "2027-08-12");
    dates.put("discussionStart", "2027-08-03");
    dates.put("discussionEnd", "2027-08-12");
    dates.put("selfInspectionDueDate", "2027-08-20");
    dates.put("researchStart", "2027-08-13");
    dates.put("researchEnd", "2027-08-27");
    dates.put("rectificationStart", "2027-08-30");
    dates.put("rectificationEnd", "2027-09-10");
    dates.put("consolidationStart", "2027-09-13");
    dates.put("consolidationEnd", "2027-09-30");
    return dates;
  }

  @Test
  void acceptsPhasesInOrderWithTheDiscussionAndReportInside() {
    assertThat(CampaignCalendar.check(seed001Dates()::get)).isEmpty();
  }

  @Test
  void namesThePhaseThatEndsBeforeItStartsOrOverlapsTheOneBefore() {
    // given
    Map<String, String> dates = seed001Dates();
    dates.put("researchEnd", "2027-08-10");        // before research starts
    dates.put("consolidationStart", "2027-09-01"); // before rectification ends
    // when
    var messages = CampaignCalendar.check(dates::get).stream().map(FieldViolation::message).toList();
    // then
    assertThat(messages).containsExactly(
        "「第二阶段结束日期」不能早于第二阶段开始日期（2027-08-13）",
        "「第四阶段开始日期」不能早于上一阶段的结束日期（2027-09-10），四个阶段须依次进行");
  }

  @Test
  void keepsTheDiscussionPeriodAndReportDueDateInsideTheCampaign() {
    // given
    Map<String, String> dates = seed001Dates();
    dates.put("discussionStart", "2027-07-20");
    dates.put("discussionEnd", "2027-07-15");
    dates.put("selfInspectionDueDate", "2027-10-08");
    // when
    var violations = CampaignCalendar.check(dates::get);
    // then
    assertThat(violations).extracting(FieldViolation::field)
        .containsExactly("discussionEnd", "discussionStart", "discussionEnd", "selfInspectionDueDate");
    assertThat(violations.get(3).message()).isEqualTo("「自查报告报送时限」应在活动期间内（2027-08-02 至 2027-09-30）");
  }
}
