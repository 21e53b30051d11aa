package cn.gov.county.campaign.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The holiday schedules in force: every {@code classpath*:calendar/cn-holidays-*.yaml} (shipped
 * with the application; a broken one stops start-up) and every {@code *.yaml} in
 * {@code campaign.calendar.directory} (the office's own; a broken one is skipped with an ERROR
 * log). The directory is checked on every use (its listing with sizes and modification times)
 * and re-read when it changed, so a new year's schedule needs no restart. Of two files for the
 * same year the later one (classpath before directory, then by file name) is refused.
 */
@Component
class HolidayScheduleStore {

  private static final Logger LOG = LoggerFactory.getLogger(HolidayScheduleStore.class);
  static final String CLASSPATH_PATTERN = "classpath*:calendar/cn-holidays-*.yaml";

  /** A schedule and where it was read from. */
  record Loaded(HolidaySchedule schedule, String location, boolean external) {
  }

  /** A file of the directory that is not used, and why. */
  record Refused(String file, String message) {
  }

  /** What is in force at one moment; never changes. */
  record Snapshot(SortedMap<Integer, Loaded> years, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays,
      List<Refused> refused) {
  }

  private record Stamp(String name, long size, long modified) {
  }

  private final Path directory;
  private final List<Loaded> shipped;
  private List<Stamp> stamps;
  private Snapshot snapshot;

  @Autowired
  HolidayScheduleStore(CalendarProperties properties) {
    this(properties, CLASSPATH_PATTERN);
  }

  /** @param classpathPattern where the shipped schedules are (tests use another place) */
  HolidayScheduleStore(CalendarProperties properties, String classpathPattern) {
    this.directory = properties.directory().toAbsolutePath().normalize();
    this.shipped = readClasspath(classpathPattern);
    Snapshot first = current();
    LOG.info("节假日安排 / holiday schedules: years {} ({} from the classpath, directory {})",
        first.years().keySet(), shipped.size(), directory);
  }

  Path directory() {
    return directory;
  }

  /** The schedules in force, after re-reading the directory if it changed. */
  synchronized Snapshot current() {
    List<Stamp> now = stamp();
    if (!now.equals(stamps)) {
      if (stamps != null) {
        LOG.info("节假日安排目录有变化，重新读取 / the calendar directory {} changed; reading it again", directory);
      }
      snapshot = build();
      stamps = now;
    }
    return snapshot;
  }

  /**
   * Checks a year's schedule and writes it to the directory as {@code cn-holidays-<year>.yaml}; it
   * is in force when this returns.
   *
   * @throws InvalidScheduleException when the text is broken, is for another year, or the year
   *                                  comes from the classpath or from another file of the directory
   */
  synchronized Loaded save(int year, String text) {
    String name = fileName(year);
    HolidaySchedule schedule = HolidayScheduleFile.parse(text, name);
    if (schedule.year() != year) {
      throw new InvalidScheduleException(
          "节假日安排文件 " + name + " 有误：文件中的 year 为 " + schedule.year() + "，与导入的年份 " + year + " 不一致",
          "holiday schedule file " + name + " refused: its year " + schedule.year() + " is not " + year);
    }
    for (Loaded loaded : shipped) {
      if (loaded.schedule().year() == year) {
        throw new InvalidScheduleException(
            year + "年的节假日安排随程序发布（" + loaded.location() + "），不能在此替换；如需更正请联系系统管理员",
            "the " + year + " schedule ships with the application (" + loaded.location()
                + ") and cannot be replaced here");
      }
    }
    Loaded other = current().years().get(year);
    if (other != null && !other.location().equals(name)) {
      throw new InvalidScheduleException(
          year + "年的节假日安排已由文件 " + other.location() + " 提供；请先删除或更正该文件",
          "the " + year + " schedule already comes from " + other.location() + "; remove or correct that file first");
    }
    conflicts(schedule, current(), name, year);
    try {
      Files.createDirectories(directory);
      // written beside it first and moved, so a reader never sees half a file; not *.yaml, so never listed
      Path temporary = directory.resolve("." + name + ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve(name), e);
    }
    // read again whatever the stamps say: a replacement of the same size written within the file
    // system's timestamp granularity leaves size and modification time unchanged
    stamps = null;
    Loaded saved = current().years().get(year);
    if (saved == null || !saved.schedule().equals(schedule)) {
      throw new IllegalStateException(
          "The " + year + " schedule written to " + directory.resolve(name) + " is not in force");
    }
    LOG.info("已导入{}年的节假日安排 / imported the {} holiday schedule into {}", year, year, directory.resolve(name));
    return saved;
  }

  static String fileName(int year) {
    return "cn-holidays-" + year + ".yaml";
  }

  private Snapshot build() {
    List<Refused> refused = new ArrayList<>();
    SortedMap<Integer, Loaded> years = new TreeMap<>();
    Map<LocalDate, String> daysOff = new HashMap<>();
    Map<LocalDate, String> makeUp = new HashMap<>();
    for (Loaded loaded : shipped) {
      add(loaded, years, daysOff, makeUp);
    }
    for (Path file : files()) {
      // users see the file's name, never the server's paths (the log has the whole path)
      String location = file.getFileName().toString();
      try {
        Loaded loaded = new Loaded(HolidayScheduleFile.parse(Files.readString(file, StandardCharsets.UTF_8),
            location), location, true);
        add(loaded, years, daysOff, makeUp);
      } catch (InvalidScheduleException e) {
        LOG.error("{}（该文件未被使用 / the file is skipped）", e.getMessage());
        refused.add(new Refused(location, e.chinese()));
      } catch (CharacterCodingException e) {
        LOG.error("节假日安排文件 {} 不是UTF-8编码（该文件未被使用）/ holiday schedule file {} is not UTF-8; skipped",
            location, location);
        refused.add(new Refused(location, "节假日安排文件 " + location + " 不是UTF-8编码，请以UTF-8保存"));
      } catch (IOException | UncheckedIOException e) {
        LOG.error("节假日安排文件 {} 无法读取（该文件未被使用）/ cannot read holiday schedule file {}; skipped", file,
            file, e);
        refused.add(new Refused(location, "节假日安排文件 " + location + " 无法读取，请检查文件权限后重新保存"));
      }
    }
    return new Snapshot(Collections.unmodifiableSortedMap(years), Set.copyOf(daysOff.keySet()),
        Set.copyOf(makeUp.keySet()), List.copyOf(refused));
  }

  /** Adds a schedule, or refuses it when its year is taken or its dates contradict one in force. */
  private static void add(Loaded loaded, SortedMap<Integer, Loaded> years, Map<LocalDate, String> daysOff,
      Map<LocalDate, String> makeUp) {
    HolidaySchedule schedule = loaded.schedule();
    Loaded first = years.get(schedule.year());
    if (first != null) {
      throw new InvalidScheduleException(
          "节假日安排文件 " + loaded.location() + " 有误：" + schedule.year() + "年的安排已由 " + first.location() + " 提供，同一年份只能有一个文件",
          "holiday schedule file " + loaded.location() + " refused: the " + schedule.year()
              + " schedule already comes from "
              + first.location());
    }
    conflict(schedule, daysOff, makeUp, loaded.location());
    years.put(schedule.year(), loaded);
    index(loaded, daysOff, makeUp);
  }

  /** Notes a schedule's days off and make-up days with the year and file they come from. */
  private static void index(Loaded loaded, Map<LocalDate, String> daysOff, Map<LocalDate, String> makeUp) {
    String tag = loaded.schedule().year() + "年（" + loaded.location() + "）";
    loaded.schedule().holidays().forEach(holiday -> {
      holiday.daysOff().forEach(day -> daysOff.put(day, tag));
      holiday.makeUpWorkingDays().forEach(day -> makeUp.put(day, tag));
    });
  }

  /** A day off of one year's schedule that is a make-up working day of another's, or the reverse. */
  private static void conflict(HolidaySchedule schedule, Map<LocalDate, String> daysOff, Map<LocalDate, String> makeUp,
      String location) {
    for (HolidaySchedule.Holiday holiday : schedule.holidays()) {
      holiday.daysOff().filter(makeUp::containsKey).findFirst().ifPresent(day -> {
        throw new InvalidScheduleException(
            "节假日安排文件 " + location + " 有误：节假日「" + holiday.name() + "」的放假日期 " + day + " 在" + makeUp.get(day) + "中是调休上班日",
            "holiday schedule file " + location + " refused: holiday '" + holiday.name() + "': day off " + day
                + " is a make-up working day in " + makeUp.get(day));
      });
      holiday.makeUpWorkingDays().stream().filter(daysOff::containsKey).findFirst().ifPresent(day -> {
        throw new InvalidScheduleException(
            "节假日安排文件 " + location + " 有误：节假日「" + holiday.name() + "」的调休上班日 " + day + " 在" + daysOff.get(day) + "中是放假日期",
            "holiday schedule file " + location + " refused: holiday '" + holiday.name() + "': make-up working day "
                + day
                + " is a day off in " + daysOff.get(day));
      });
    }
  }

  /** Checks a schedule about to be saved against the others in force (not the one it replaces). */
  private static void conflicts(HolidaySchedule schedule, Snapshot current, String name, int year) {
    Map<LocalDate, String> daysOff = new HashMap<>();
    Map<LocalDate, String> makeUp = new HashMap<>();
    current.years().values().stream().filter(loaded -> loaded.schedule().year() != year)
        .forEach(loaded -> index(loaded, daysOff, makeUp));
    conflict(schedule, daysOff, makeUp, name);
  }

  private static List<Loaded> readClasspath(String pattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
    List<Loaded> loaded = new ArrayList<>();
    SortedMap<Integer, Loaded> years = new TreeMap<>();
    Map<LocalDate, String> daysOff = new HashMap<>();
    Map<LocalDate, String> makeUp = new HashMap<>();
    Arrays.stream(resources).sorted(Comparator.comparing(Resource::getDescription)).forEach(resource -> {
      String location = "classpath:" + pattern.substring("classpath*:".length(), pattern.lastIndexOf('/') + 1)
          + resource.getFilename();
      try (InputStream in = resource.getInputStream()) {
        Loaded schedule = new Loaded(HolidayScheduleFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            location), location, false);
        add(schedule, years, daysOff, makeUp);
        loaded.add(schedule);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
      } catch (InvalidScheduleException e) {
        LOG.error("{}", e.getMessage());
        throw new IllegalStateException(e.getMessage() + " (" + resource.getDescription() + ")", e);
      }
    });
    return List.copyOf(loaded);
  }

  private List<Path> files() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(file -> file.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(file))
          .sorted(Comparator.comparing(file -> file.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      // deadlines go on without the directory's years; scheduleWarning tells the office
      LOG.error("节假日安排目录 {} 无法读取 / cannot list the calendar directory {}", directory, directory, e);
      return List.of();
    }
  }

  private List<Stamp> stamp() {
    List<Stamp> stamps = new ArrayList<>();
    for (Path file : files()) {
      try {
        stamps.add(
            new Stamp(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis()));
      } catch (IOException e) {
        stamps.add(new Stamp(file.getFileName().toString(), -1, -1));
      }
    }
    return stamps;
  }
}
