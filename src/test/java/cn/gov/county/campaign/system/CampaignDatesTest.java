package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignDatesTest {

  private final CampaignDates dates = new CampaignDates();

  @Test
  void aDeadlineDayEndsAtMidnightInChina() {
    assertThat(dates.endOf("2026-08-20").toInstant()).isEqualTo(Instant.parse("2026-08-20T15:59:59Z"));
  }

  @Test
  void aWindowOpensAtTheStartOfItsFirstDayInChina() {
    assertThat(dates.startOf("2026-08-03").toInstant()).isEqualTo(Instant.parse("2026-08-02T16:00:00Z"));
  }
}
