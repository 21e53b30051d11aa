package cn.gov.county.campaign.deadline;

import java.nio.file.Path;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campaign.calendar}: where the office keeps holiday schedules beyond the ones shipped in
 * {@code classpath:calendar/}.
 *
 * @param directory every {@code *.yaml} in it is a holiday schedule; re-read when it changes
 */
@ConfigurationProperties(prefix = "campaign.calendar")
record CalendarProperties(Path directory) {

  CalendarProperties {
    Objects.requireNonNull(directory, "campaign.calendar.directory is not set");
  }
}
