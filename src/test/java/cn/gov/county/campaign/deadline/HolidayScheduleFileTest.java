package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayScheduleFileTest {

  @Test
  void readsTheFormat() {
    HolidaySchedule schedule = HolidayScheduleFile.parse(CalendarFixtures.SCHEDULE_2027, "cn-holidays-2027.yaml");
    assertThat(schedule.year()).isEqualTo(2027);
    assertThat(schedule.source()).isEqualTo("测试用示例，非官方安排");
    assertThat(schedule.holidays()).extracting(HolidaySchedule.Holiday::name).containsExactly("元旦", "国庆节");
    assertThat(schedule.holidays().get(1)).isEqualTo(new HolidaySchedule.Holiday("国庆节", LocalDate.of(2027, 10, 1),
        LocalDate.of(2027, 10, 7), java.util.List.of(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9))));
  }

  @Test
  void acceptsAByteOrderMarkAndAMissingListOfMakeUpDays() {
    String text = "\uFEFF" + CalendarFixtures.SCHEDULE_2027.replace("    makeUpWorkingDays: []\n", "");
    assertThat(HolidayScheduleFile.parse(text, "f.yaml").holidays().get(0).makeUpWorkingDays()).isEmpty();
  }

  @Test
  void acceptsNewYearDaysOffThatStartInDecember() {
    String text = CalendarFixtures.SCHEDULE_2027.replace("from: 2027-01-01", "from: 2026-12-31");
    assertThat(HolidayScheduleFile.parse(text, "f.yaml").holidays().get(0).from())
        .isEqualTo(LocalDate.of(2026, 12, 31));
  }

  /** Each mistake is named with the file and the entry, in Chinese for the office and in English for the log. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      2027-10-07            | 2027-10-7             | 第2项节假日「国庆节」的 daysOff.to「2027-10-7」不是有效日期
      2027-10-07            | 2027-02-30            | 「2027-02-30」不是有效日期
      to: 2027-10-07        | to: 2027-09-07        | 第2项节假日「国庆节」的放假日期 daysOff.to（2027-09-07）早于 daysOff.from（2027-10-01）
      2027-09-26, 2027-10-09 | 2027-09-27, 2027-10-09 | 第2项节假日「国庆节」的调休上班日 2027-09-27 是星期一，本来就是工作日
      2027-09-26, 2027-10-09 | 2027-10-02, 2027-10-09 | 节假日「国庆节」的调休上班日 2027-10-02 同时是「国庆节」的放假日期
      name: 元旦             | name: 国庆节            | 第2项节假日「国庆节」重复
      from: 2027-10-01      | from: 2027-09-01      | 超过20天
      makeUpWorkingDays: [] | makeUpWorkingDays: [2027-10-09] | 节假日「国庆节」的调休上班日 2027-10-09 重复（已列在「元旦」中）
      2027-01-03            | 2029-01-03            | daysOff.to「2029-01-03」不在2027年（或相邻的年末年初）内
      makeUpWorkingDays: [2027 | makeupWorkingDays: [2027 | 第2项节假日「国庆节」有未知的项「makeupWorkingDays」
      source: 测试用示例，非官方安排 | source: ''         | 缺少 source
      year: 2027            | year: 27              | year（年份）应为四位数的年份，现为「27」
      'holidays:'           | 'holidays: ['         | 不是有效的YAML
      """)
  void namesTheFileAndTheBadEntry(String replace, String by, String message) {
    String text = CalendarFixtures.SCHEDULE_2027.replace(replace, by);
    assertThat(text).isNotEqualTo(CalendarFixtures.SCHEDULE_2027);
    assertThatThrownBy(() -> HolidayScheduleFile.parse(text, "cn-holidays-2027.yaml"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageStartingWith("节假日安排文件 cn-holidays-2027.yaml 有误：")
        .hasMessageContaining(message)
        .hasMessageContaining(" / holiday schedule file cn-holidays-2027.yaml refused: ");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> HolidayScheduleFile.parse("# nothing\n", "empty.yaml"))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("empty.yaml 有误：文件为空");
  }
}
