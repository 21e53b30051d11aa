package cn.gov.county.campaign.deadline;

import java.nio.file.Path;

/** A made-up 2027 schedule for tests (the official one is published in November 2026). */
final class CalendarFixtures {

  static final String SCHEDULE_2027 = """
      year: 2027
      source: 测试用示例，非官方安排
      holidays:
        - name: 元旦
          daysOff: { from: 2027-01-01, to: 2027-01-03 }
          makeUpWorkingDays: []
        - name: 国庆节
          daysOff: { from: 2027-10-01, to: 2027-10-07 }
          makeUpWorkingDays: [2027-09-26, 2027-10-09]
      """;

  private CalendarFixtures() {
  }

  static WorkingDayCalendar calendar(Path directory) {
    return new WorkingDayCalendar(store(directory));
  }

  static HolidayScheduleStore store(Path directory) {
    return new HolidayScheduleStore(new CalendarProperties(directory));
  }
}
