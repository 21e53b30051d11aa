package cn.gov.county.campaign.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one holiday schedule file (see {@code calendar/cn-holidays-2026.yaml} for the format) and
 * checks it entry by entry, so that a mistyped date is refused with the file and the entry named
 * instead of silently moving deadlines.
 */
final class HolidayScheduleFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_KEYS = Set.of("year", "source", "holidays");
  private static final Set<String> HOLIDAY_KEYS = Set.of("name", "daysOff", "makeUpWorkingDays");
  private static final Set<String> RANGE_KEYS = Set.of("from", "to");
  /** The longest run of days off the State Council has given is 9 (春节 2026); more is a typo. */
  private static final int MAX_DAYS_OFF = 20;

  private final String file;
  private int year;

  private HolidayScheduleFile(String file) {
    this.file = file;
  }

  /**
   * @param text the file's content
   * @param file the file's name for messages
   * @throws InvalidScheduleException naming the file and the entry at fault
   */
  static HolidaySchedule parse(String text, String file) {
    return new HolidayScheduleFile(file).read(text);
  }

  private HolidaySchedule read(String text) {
    JsonNode root;
    try {
      // a byte order mark, as Windows editors write it, is not content
      root = YAML.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage().lines().findFirst().orElse("");
      String where = e.getLocation() == null ? "" : "（第" + e.getLocation().getLineNr() + "行）";
      throw refuse("不是有效的YAML" + where + "：" + reason, "not valid YAML: " + reason
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw refuse("文件为空", "the file is empty");
    }
    if (!root.isObject()) {
      throw refuse("应包含 year、source 和 holidays 三项", "expected the keys year, source and holidays");
    }
    unknownKeys(root, TOP_KEYS, "文件顶层", "the top level");

    JsonNode yearNode = root.get("year");
    if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()
        || yearNode.intValue() < 1900 || yearNode.intValue() > 2999) {
      throw refuse("year（年份）应为四位数的年份，现为「" + text(yearNode) + "」",
          "year must be a four-digit year, found '" + text(yearNode) + "'");
    }
    year = yearNode.intValue();

    JsonNode source = root.get("source");
    if (source == null || !source.isTextual() || source.asText().isBlank()) {
      throw refuse("缺少 source（依据的通知，例如“国务院办公厅关于" + year + "年部分节假日安排的通知”）",
          "source (the notice the dates come from) is missing");
    }

    JsonNode holidayNodes = root.get("holidays");
    if (holidayNodes == null || !holidayNodes.isArray() || holidayNodes.isEmpty()) {
      throw refuse("缺少 holidays（节假日列表）或列表为空", "holidays is missing or empty");
    }
    List<HolidaySchedule.Holiday> holidays = new ArrayList<>();
    Map<LocalDate, String> daysOff = new HashMap<>();
    Set<String> names = new HashSet<>();
    int index = 0;
    for (JsonNode node : holidayNodes) {
      index++;
      HolidaySchedule.Holiday holiday = holiday(node, index);
      if (!names.add(holiday.name())) {
        throw refuse(entry(index, holiday.name()) + "重复：该节假日已列出", entry(index, holiday.name(), "is listed twice"));
      }
      holiday.daysOff().forEach(day -> {
        String other = daysOff.putIfAbsent(day, holiday.name());
        if (other != null) {
          throw refuse(entry(holiday.name()) + "的放假日期 " + day + " 已在「" + other + "」的放假日期中",
              "holiday '" + holiday.name() + "': day off " + day + " is already a day off of '" + other + "'");
        }
      });
      holidays.add(holiday);
    }
    Map<LocalDate, String> makeUpDays = new HashMap<>();
    for (HolidaySchedule.Holiday holiday : holidays) {
      for (LocalDate day : holiday.makeUpWorkingDays()) {
        if (daysOff.containsKey(day)) {
          throw refuse(entry(holiday.name()) + "的调休上班日 " + day + " 同时是「" + daysOff.get(day) + "」的放假日期",
              "holiday '" + holiday.name() + "': make-up working day " + day + " is also a day off of '"
                  + daysOff.get(day) + "'");
        }
        String other = makeUpDays.putIfAbsent(day, holiday.name());
        if (other != null) {
          throw refuse(entry(holiday.name()) + "的调休上班日 " + day + " 重复（已列在「" + other + "」中）",
              "holiday '" + holiday.name() + "': make-up working day " + day + " is listed twice (also under '"
                  + other + "')");
        }
      }
    }
    return new HolidaySchedule(year, source.asText().strip(), holidays);
  }

  private HolidaySchedule.Holiday holiday(JsonNode node, int index) {
    if (node == null || !node.isObject()) {
      throw refuse("第" + index + "项节假日应包含 name、daysOff 和 makeUpWorkingDays",
          "holiday #" + index + " must have name, daysOff and makeUpWorkingDays");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw refuse("第" + index + "项节假日缺少 name（名称，例如“国庆节”）", "holiday #" + index + " has no name");
    }
    String name = nameNode.asText().strip();
    unknownKeys(node, HOLIDAY_KEYS, entry(index, name), "holiday #" + index + " '" + name + "'");

    JsonNode range = node.get("daysOff");
    if (range == null || !range.isObject()) {
      throw refuse(entry(index, name) + "缺少 daysOff（放假日期，from 和 to）",
          entry(index, name, "has no daysOff (from and to)"));
    }
    unknownKeys(range, RANGE_KEYS, entry(index, name) + "的 daysOff", "holiday #" + index + " '" + name + "' daysOff");
    LocalDate from = date(range.get("from"), index, name, "daysOff.from");
    LocalDate to = date(range.get("to"), index, name, "daysOff.to");
    if (to.isBefore(from)) {
      throw refuse(entry(index, name) + "的放假日期 daysOff.to（" + to + "）早于 daysOff.from（" + from + "）",
          entry(index, name, "daysOff.to " + to + " is before daysOff.from " + from));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS_OFF) {
      throw refuse(entry(index, name) + "的放假日期 " + from + " 至 " + to + " 超过" + MAX_DAYS_OFF + "天，请核对",
          entry(index, name, "days off " + from + " to " + to + " exceed " + MAX_DAYS_OFF + " days"));
    }

    List<LocalDate> makeUp = new ArrayList<>();
    JsonNode makeUpNodes = node.get("makeUpWorkingDays");
    if (makeUpNodes != null && !makeUpNodes.isNull()) {
      if (!makeUpNodes.isArray()) {
        throw refuse(entry(index, name) + "的 makeUpWorkingDays（调休上班日）应为日期列表，例如 [" + year + "-10-10]，没有则写 []",
            entry(index, name, "makeUpWorkingDays must be a list of dates, [] for none"));
      }
      for (JsonNode dayNode : makeUpNodes) {
        LocalDate day = date(dayNode, index, name, "makeUpWorkingDays");
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
          throw refuse(entry(index, name) + "的调休上班日 " + day + " 是" + weekday(weekday) + "，本来就是工作日，请核对",
              entry(index, name, "make-up working day " + day + " is a " + weekday + ", a working day anyway"));
        }
        makeUp.add(day);
      }
    }
    return new HolidaySchedule.Holiday(name, from, to, makeUp);
  }

  /** A date of this year, or of the turn of the year next to it (元旦 may start on 30 December). */
  private LocalDate date(JsonNode node, int index, String name, String key) {
    String text = text(node);
    LocalDate date;
    try {
      if (node == null || !node.isTextual()) {
        throw new DateTimeParseException("not a text", text, 0);
      }
      date = LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw refuse(entry(index, name) + "的 " + key + "「" + text + "」不是有效日期（格式 yyyy-MM-dd，例如 " + year + "-10-01）",
          entry(index, name, key + " '" + text + "' is not a date (yyyy-MM-dd)"));
    }
    LocalDate earliest = LocalDate.of(year - 1, 12, 1);
    LocalDate latest = LocalDate.of(year + 1, 1, 31);
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      throw refuse(entry(index, name) + "的 " + key + "「" + date + "」不在" + year + "年（或相邻的年末年初）内",
          entry(index, name, key + " " + date + " is not in " + year + " (or the turn of the year next to it)"));
    }
    return date;
  }

  private void unknownKeys(JsonNode node, Set<String> allowed, String whereChinese, String whereEnglish) {
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
      String key = keys.next();
      if (!allowed.contains(key)) {
        throw refuse(whereChinese + "有未知的项「" + key + "」（可用：" + String.join("、", sorted(allowed)) + "）",
            whereEnglish + ": unknown key '" + key + "' (allowed: " + String.join(", ", sorted(allowed)) + ")");
      }
    }
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static String entry(int index, String name) {
    return "第" + index + "项节假日「" + name + "」";
  }

  private static String entry(String name) {
    return "节假日「" + name + "」";
  }

  private static String entry(int index, String name, String english) {
    return "holiday #" + index + " '" + name + "': " + english;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static String weekday(DayOfWeek day) {
    return "星期" + "一二三四五六日".charAt(day.getValue() - 1);
  }

  private InvalidScheduleException refuse(String chinese, String english) {
    return new InvalidScheduleException("节假日安排文件 " + file + " 有误：" + chinese,
        "holiday schedule file " + file + " refused: " + english);
  }
}
