package cn.gov.county.campaign.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates the office enters ("2026-08-20") as the moments the models need, in China's time zone:
 * a window opens at the start of its first day and a deadline falls at the end of its day, so
 * "报送时限 8月20日" includes 20 August. Models call {@code ${campaignDates.endOf(selfInspectionDueDate)}}.
 */
@Component("campaignDates")
public class CampaignDates {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public Date startOf(String date) {
    return Date.from(LocalDate.parse(date).atStartOfDay(CHINA).toInstant());
  }

  public Date endOf(String date) {
    return Date.from(LocalDate.parse(date).atTime(LocalTime.of(23, 59, 59)).atZone(CHINA).toInstant());
  }
}
