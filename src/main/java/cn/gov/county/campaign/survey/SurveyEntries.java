package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.organization.Organization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a round's results from a sheet, all or nothing: every problem is collected with its row and
 * column, and if there is one the whole sheet is refused. A department whose answer cells are all
 * empty was not surveyed and is not ranked; an empty cell next to filled ones counts as 0.
 */
final class SurveyEntries {

  static final String CODE = "部门编码";
  static final String NAME = "部门名称";
  static final String CATEGORY = "单位类别";
  private static final Set<String> IGNORED = Set.of(CATEGORY, "序号", "备注");
  private static final long MAX_COUNT = 1_000_000;

  private SurveyEntries() {
  }

  static List<SurveyScoring.Entry> read(SurveySheet sheet, SurveyScale scale,
      List<Organization.Department> participating) {
    List<String> problems = new ArrayList<>();
    List<List<String>> rows = sheet.rows();
    if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
      throw new SurveyInputException(List.of("第1行应为表头（部门编码、部门名称、" + String.join("、",
          scale.answers().stream().map(SurveyScale.Answer::answer).toList()) + "），请使用下载的模板"));
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = rows.get(0);
    for (int c = 0; c < header.size(); c++) {
      String title = header.get(c).replace(" ", "").replace("\u3000", "");
      if (title.isEmpty()) {
        continue;
      }
      boolean known = title.equals(CODE) || title.equals(NAME) || IGNORED.contains(title)
          || scale.answer(title).isPresent();
      if (!known) {
        problems.add(at(1, c + 1, title) + "不是本轮测评的列；应为部门编码、部门名称或测评选项（"
            + String.join("、", scale.answers().stream().map(SurveyScale.Answer::answer).toList()) + "）");
      } else if (columns.putIfAbsent(title, c) != null) {
        problems.add(at(1, c + 1, title) + "与第" + SurveySheet.columnLetter(columns.get(title) + 1) + "列重复");
      }
    }
    if (!columns.containsKey(CODE) && !columns.containsKey(NAME)) {
      problems.add("第1行：缺少「部门编码」或「部门名称」列");
    }
    for (SurveyScale.Answer answer : scale.answers()) {
      if (!columns.containsKey(answer.answer())) {
        problems.add("第1行：缺少测评选项「" + answer.answer() + "」列");
      }
    }
    if (!problems.isEmpty()) {
      throw new SurveyInputException(problems);
    }

    Map<String, Integer> seen = new HashMap<>();
    Map<String, SurveyScoring.Entry> entries = new LinkedHashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int rowNumber = r + 1;
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Optional<Organization.Department> department = department(row, rowNumber, columns, participating, problems);
      Map<String, Long> counts = new LinkedHashMap<>();
      boolean anyFilled = false;
      boolean countsValid = true;
      for (SurveyScale.Answer answer : scale.answers()) {
        int column = columns.get(answer.answer());
        String text = cell(row, column).replace(",", "").replace("，", "");
        if (text.isEmpty()) {
          counts.put(answer.answer(), 0L);
          continue;
        }
        anyFilled = true;
        Long count = count(text);
        if (count == null) {
          problems
              .add(at(rowNumber, column + 1, answer.answer()) + "应为 0 到 " + MAX_COUNT + " 之间的整数票数，实际为「" + text + "」");
          countsValid = false;
        } else {
          counts.put(answer.answer(), count);
        }
      }
      if (department.isEmpty()) {
        continue;
      }
      String id = department.get().id();
      Integer earlier = seen.putIfAbsent(id, rowNumber);
      if (earlier != null) {
        problems.add("第" + rowNumber + "行：部门「" + department.get().name() + "」与第" + earlier + "行重复");
        continue;
      }
      if (!anyFilled || !countsValid) {
        continue;
      }
      long valid = scale.counted().stream().mapToLong(a -> counts.get(a.answer())).sum();
      if (valid == 0) {
        problems.add("第" + rowNumber + "行：部门「" + department.get().name() + "」没有计入得分的票（"
            + String.join("、", scale.counted().stream().map(SurveyScale.Answer::answer).toList())
            + "合计为 0），无法计分；未参加测评的部门请把各选项留空");
        continue;
      }
      entries.put(id, new SurveyScoring.Entry(department.get(), counts));
    }
    if (problems.isEmpty() && entries.isEmpty()) {
      problems.add("表中没有任何部门的测评票数");
    }
    if (!problems.isEmpty()) {
      throw new SurveyInputException(problems);
    }
    return entries.values().stream()
        .sorted(Comparator.comparingInt(e -> participating.indexOf(e.department())))
        .toList();
  }

  private static Optional<Organization.Department> department(List<String> row, int rowNumber,
      Map<String, Integer> columns, List<Organization.Department> participating, List<String> problems) {
    String code = columns.containsKey(CODE) ? cell(row, columns.get(CODE)) : "";
    String name = columns.containsKey(NAME) ? cell(row, columns.get(NAME)) : "";
    if (!code.isEmpty()) {
      Optional<Organization.Department> byCode = participating.stream().filter(d -> d.id().equals(code)).findFirst();
      if (byCode.isEmpty()) {
        problems.add(at(rowNumber, columns.get(CODE) + 1, CODE) + "「" + code + "」不是参加本次活动的部门");
      } else if (!name.isEmpty() && !byCode.get().name().equals(name)) {
        problems.add(at(rowNumber, columns.get(NAME) + 1, NAME) + "「" + name + "」与部门编码「" + code
            + "」（" + byCode.get().name() + "）不符");
        return Optional.empty();
      }
      return byCode;
    }
    if (!name.isEmpty()) {
      Optional<Organization.Department> byName = participating.stream().filter(d -> d.name().equals(name)).findFirst();
      if (byName.isEmpty()) {
        problems.add(at(rowNumber, columns.get(NAME) + 1, NAME) + "「" + name + "」不是参加本次活动的部门");
      }
      return byName;
    }
    problems.add("第" + rowNumber + "行：没有填写部门编码或部门名称");
    return Optional.empty();
  }

  private static Long count(String text) {
    String number = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    if (!number.matches("\\d{1,7}")) {
      return null;
    }
    long value = Long.parseLong(number);
    return value <= MAX_COUNT ? value : null;
  }

  private static String cell(List<String> row, int column) {
    return column < row.size() && row.get(column) != null ? row.get(column).trim() : "";
  }

  /** "第3行第E列「满意」：" */
  static String at(int row, int column, String title) {
    return "第" + row + "行第" + SurveySheet.columnLetter(column) + "列「" + title + "」：";
  }
}
