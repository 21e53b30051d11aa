package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeadlinePropertiesTest {

  private static DeadlineProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("campaign.deadlines", DeadlineProperties.class);
  }

  @Test
  void hasTheDefaultsWhenNothingIsSet() {
    DeadlineProperties properties = bind(Map.of());
    assertThat(properties.periods()).isEqualTo(DeadlineProperties.DEFAULT_PERIODS);
    assertThat(properties.warningWorkingDays()).isEqualTo(2);
    assertThat(properties.checkTime()).isEqualTo(LocalTime.of(9, 0));
  }

  @Test
  void aSetPeriodOverridesItsDefaultOnly() {
    DeadlineProperties properties = bind(Map.of(
        "campaign.deadlines.periods.office-review", "3",
        "campaign.deadlines.warning-working-days", "1",
        "campaign.deadlines.check-time", "08:30"));
    assertThat(properties.limits()).containsEntry("office-review", new TimeLimit(3, true))
        .containsEntry("rectification-measures", new TimeLimit(10, false));
    assertThat(properties.warningWorkingDays()).isEqualTo(1);
    assertThat(properties.checkTime()).isEqualTo(LocalTime.of(8, 30));
  }
}
