package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class HolidayScheduleStoreTest {

  @TempDir
  Path directory;

  @Test
  void loadsAnotherYearFromTheDirectoryWithoutRestart() throws Exception {
    // given: a calendar in use with only the shipped 2026 schedule
    WorkingDayCalendar calendar = CalendarFixtures.calendar(directory);
    assertThat(calendar.hasSchedule(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
    // when: the office drops the 2027 schedule into the directory
    Files.writeString(directory.resolve("cn-holidays-2027.yaml"), CalendarFixtures.SCHEDULE_2027);
    // then: it is used at once
    assertThat(calendar.years()).containsExactly(2026, 2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 9))).as("make-up Saturday").isTrue();
    assertThat(calendar.addWorkingDays(LocalDate.of(2027, 9, 30), 1)).isEqualTo(LocalDate.of(2027, 10, 8));
  }

  @Test
  void readsAChangedFileAgainAndForgetsARemovedOne() throws Exception {
    // given
    Path file = directory.resolve("cn-holidays-2027.yaml");
    Files.writeString(file, CalendarFixtures.SCHEDULE_2027);
    WorkingDayCalendar calendar = CalendarFixtures.calendar(directory);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 8))).isTrue();
    // when: National Day is corrected to run to 8 October (same size of file is possible: the time counts too)
    Files.writeString(file, CalendarFixtures.SCHEDULE_2027.replace("to: 2027-10-07", "to: 2027-10-08"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    // then
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 8))).isFalse();
    // when: the file is removed
    Files.delete(file);
    // then
    assertThat(calendar.hasSchedule(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 8))).isTrue();
  }

  @Test
  void skipsABrokenFileOfTheDirectoryWithAnErrorNamingFileAndEntry(CapturedOutput output) throws Exception {
    // given: a typo in the 2027 National Day
    Files.writeString(directory.resolve("cn-holidays-2027.yaml"),
        CalendarFixtures.SCHEDULE_2027.replace("2027-10-07", "2027-10-37"));
    // when
    HolidayScheduleStore store = CalendarFixtures.store(directory);
    // then: the shipped year is still there, the broken one is not, and the log says why
    assertThat(store.current().years()).containsOnlyKeys(2026);
    assertThat(output.getAll()).contains("ERROR")
        .contains("cn-holidays-2027.yaml")
        .contains("第2项节假日「国庆节」的 daysOff.to「2027-10-37」不是有效日期")
        .contains("holiday #2 '国庆节': daysOff.to '2027-10-37' is not a date");
    assertThat(store.current().refused()).singleElement()
        .satisfies(refused -> assertThat(refused.message()).contains("2027-10-37"));
  }

  @Test
  void refusesASecondFileForTheSameYear(CapturedOutput output) throws Exception {
    // given: 2027 twice, and a copy of the shipped 2026
    Files.writeString(directory.resolve("cn-holidays-2027.yaml"), CalendarFixtures.SCHEDULE_2027);
    Files.writeString(directory.resolve("holidays-2027-copy.yaml"),
        CalendarFixtures.SCHEDULE_2027.replace("测试用示例", "副本"));
    Files.writeString(directory.resolve("cn-holidays-2026.yaml"), """
        year: 2026
        source: 副本
        holidays:
          - name: 元旦
            daysOff: { from: 2026-01-01, to: 2026-01-03 }
            makeUpWorkingDays: []
        """);
    // when
    HolidayScheduleStore store = CalendarFixtures.store(directory);
    // then: the first file of each year counts (classpath first, then by file name)
    assertThat(store.current().years()).containsOnlyKeys(2026, 2027);
    assertThat(store.current().years().get(2026).location()).isEqualTo("classpath:calendar/cn-holidays-2026.yaml");
    assertThat(store.current().years().get(2027).schedule().source()).isEqualTo("测试用示例，非官方安排");
    assertThat(store.current().refused()).extracting(HolidayScheduleStore.Refused::file)
        .containsExactlyInAnyOrder("cn-holidays-2026.yaml", "holidays-2027-copy.yaml");
    assertThat(store.current().refused()).extracting(HolidayScheduleStore.Refused::message)
        .noneMatch(message -> message.contains(directory.toString()));
    assertThat(output.getAll()).contains("2027年的安排已由 cn-holidays-2027.yaml 提供");
  }

  @Test
  void aBrokenShippedFileStopsStartUp() {
    assertThatThrownBy(() -> new HolidayScheduleStore(new CalendarProperties(directory),
        "classpath*:calendar-broken/cn-holidays-*.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("classpath:calendar-broken/cn-holidays-2026.yaml")
        .hasMessageContaining("daysOff.to「2026-10-32」");
  }

  @Test
  void savesAYearIntoTheDirectoryAndUsesItAtOnce() throws Exception {
    // given
    HolidayScheduleStore store = CalendarFixtures.store(directory);
    WorkingDayCalendar calendar = new WorkingDayCalendar(store);
    // when
    HolidayScheduleStore.Loaded saved = store.save(2027, CalendarFixtures.SCHEDULE_2027);
    // then
    assertThat(saved.external()).isTrue();
    assertThat(Files.readString(directory.resolve("cn-holidays-2027.yaml"))).isEqualTo(CalendarFixtures.SCHEDULE_2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
    // and: it may be replaced
    store.save(2027, CalendarFixtures.SCHEDULE_2027.replace("to: 2027-10-07", "to: 2027-10-08"));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 8))).isFalse();
  }

  @Test
  void refusesToSaveAnotherYearThanTheFileSaysOrAShippedYear() {
    HolidayScheduleStore store = CalendarFixtures.store(directory);
    assertThatThrownBy(() -> store.save(2028, CalendarFixtures.SCHEDULE_2027))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("2028");
    assertThatThrownBy(() -> store.save(2026, """
        year: 2026
        source: 更正
        holidays:
          - name: 元旦
            daysOff: { from: 2026-01-01, to: 2026-01-03 }
        """))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("随程序发布");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void refusesToSaveAYearThatAnotherFileOfTheDirectoryHolds() throws Exception {
    Files.writeString(directory.resolve("holidays-2027.yaml"), CalendarFixtures.SCHEDULE_2027);
    HolidayScheduleStore store = CalendarFixtures.store(directory);
    assertThatThrownBy(() -> store.save(2027, CalendarFixtures.SCHEDULE_2027))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("holidays-2027.yaml");
  }
}
