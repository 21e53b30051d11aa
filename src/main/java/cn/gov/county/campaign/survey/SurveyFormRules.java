package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side rules of the survey forms (Camunda does not validate Camunda Forms itself). */
@Configuration(proxyBeanMethods = false)
class SurveyFormRules {

  private static final Pattern SHEET_ROW = Pattern.compile("第(\\d+)行(第[A-Z]+列)?");

  private final SurveyRounds rounds;

  SurveyFormRules(SurveyRounds rounds) {
    this.rounds = rounds;
  }

  /**
   * A round belongs to a running campaign, uses a configured scale and has a new name and a past date;
   * whether it carries consequences follows from its number (seed 004): the first round (作风问计) is
   * diagnostic, the second and third carry the consequences.
   */
  @Bean
  FormRule surveyRoundRule() {
    return FormRule.of("SurveyRoundForm", values -> {
      List<FieldViolation> violations = new ArrayList<>();
      String code = text(values, CampaignModel.CAMPAIGN_CODE);
      var campaign = rounds.campaign(code);
      if (campaign.isEmpty() || !campaign.get().running()) {
        violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 不是正在进行的整改活动"));
      } else if (rounds.rounds(code).stream().anyMatch(r -> text(values, SurveyModel.ROUND_NAME).equals(r.name()))) {
        violations
            .add(new FieldViolation(SurveyModel.ROUND_NAME, "测评名称", "「测评名称」" + text(values, SurveyModel.ROUND_NAME)
                + " 在活动 " + code + " 中已经用过，请写明第几次"));
      }
      if (campaign.isPresent()) {
        int round = rounds.rounds(code).size() + 1;
        boolean counts = values.get(SurveyModel.COUNTS) != null && values.get(SurveyModel.COUNTS).asBoolean(false);
        if (counts && !SurveyModel.countsForConsequences(round)) {
          violations.add(new FieldViolation(SurveyModel.COUNTS, "本轮测评结果作为问责依据", "「本轮测评结果作为问责依据」：这是活动 "
              + code + " 的第1轮测评（作风问计），只作诊断，不作为问责依据，请不要勾选；各单位将在10天内提出整改措施"));
        } else if (!counts && SurveyModel.countsForConsequences(round)) {
          violations.add(new FieldViolation(SurveyModel.COUNTS, "本轮测评结果作为问责依据", "「本轮测评结果作为问责依据」：这是活动 "
              + code + " 的第" + round + "轮测评，第二、三轮测评结果作为问责依据，须勾选"));
        }
      }
      String scale = text(values, SurveyModel.SCALE);
      if (rounds.scale(scale).isEmpty()) {
        violations.add(new FieldViolation(SurveyModel.SCALE, "测评选项", "「测评选项」" + scale + " 未配置，可用：" + String.join("、",
            rounds.scales().keySet())));
      }
      try {
        LocalDate date = LocalDate.parse(text(values, SurveyModel.SURVEY_DATE).substring(0, 10));
        if (date.isAfter(EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate())) {
          violations.add(new FieldViolation(SurveyModel.SURVEY_DATE, "测评日期", "「测评日期」不能晚于今天"));
        }
      } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
        violations.add(new FieldViolation(SurveyModel.SURVEY_DATE, "测评日期", "「测评日期」应为日期，如 2026-08-25"));
      }
      return violations;
    });
  }

  /** The counts entered in Tasklist are read exactly like an uploaded sheet, all or nothing. */
  @Bean
  FormRule surveyResultsRule() {
    return FormRule.of("SurveyResultsForm", values -> {
      String name = text(values, SurveyModel.SCALE);
      SurveyScale scale = rounds.scale(name).orElseThrow();
      if (!SurveyRows.editableInTasklist(scale)) {
        return List.of(new FieldViolation(SurveyModel.RESULTS, "测评票数", "本轮使用「" + name
            + "」测评选项，无法在此表中录入，请在测评结果上传页面（/campaign/surveys/entry）上传"));
      }
      JsonNode rows = values.getOrDefault(SurveyModel.RESULTS, MissingNode.getInstance());
      String code = text(values, CampaignModel.CAMPAIGN_CODE);
      try {
        SurveyEntries.read(SurveyRows.toSheet(rows, scale), scale, rounds.campaign(code).orElseThrow().departments());
        return List.of();
      } catch (SurveyInputException e) {
        return e.problems().stream().map(problem -> new FieldViolation(SurveyModel.RESULTS, "测评票数",
            "「测评票数」" + inForm(problem))).toList();
      }
    });
  }

  /**
   * The joint meeting's decision: a meeting date not after today and not before the survey; each
   * proposed consequence is confirmed or not; not starting one needs a reason.
   */
  @Bean
  FormRule surveyConsequenceRule() {
    return FormRule.of("SurveyConsequenceForm", values -> {
      List<FieldViolation> violations = new ArrayList<>();
      pastDate(values, SurveyModel.MEETING_DATE, "联席会议日期", violations);
      int i = 0;
      for (JsonNode row : values.getOrDefault(SurveyModel.PROPOSED, MissingNode.getInstance())) {
        i++;
        String decision = row.path("decision").asText("");
        String who = "第" + i + "项（" + row.path("departmentName").asText() + "）";
        if (!decision.equals(SurveyModel.CONFIRM) && !decision.equals(SurveyModel.REJECT)) {
          violations.add(new FieldViolation(SurveyModel.PROPOSED, "联席会议意见", who + "「联席会议意见」须选择确认启动或不予启动"));
        } else if (decision.equals(SurveyModel.REJECT) && row.path("reason").asText("").isBlank()) {
          violations.add(new FieldViolation(SurveyModel.PROPOSED, "理由", who + "不予启动的，须填写「理由」"));
        }
      }
      return violations;
    });
  }

  /** The publication in the media: a date on or after the survey and not after today. */
  @Bean
  FormRule surveyPublicationRule() {
    return FormRule.of("SurveyPublicationForm", values -> {
      List<FieldViolation> violations = new ArrayList<>();
      pastDate(values, SurveyModel.PUBLICATION_DATE, "公布日期", violations);
      return violations;
    });
  }

  /** A date field (ISO) that must not lie after today nor before the round's survey date. */
  static void pastDate(Map<String, JsonNode> values, String key, String label, List<FieldViolation> violations) {
    LocalDate date;
    try {
      date = LocalDate.parse(text(values, key).substring(0, 10));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      violations.add(new FieldViolation(key, label, "「" + label + "」应为日期，如 2026-08-25"));
      return;
    }
    if (date.isAfter(EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate())) {
      violations.add(new FieldViolation(key, label, "「" + label + "」不能晚于今天"));
    }
    String surveyDate = text(values, SurveyModel.SURVEY_DATE);
    if (surveyDate.matches("\\d{4}-\\d{2}-\\d{2}.*") && date.isBefore(LocalDate.parse(surveyDate.substring(0, 10)))) {
      violations.add(new FieldViolation(key, label, "「" + label + "」不能早于测评日期 " + surveyDate.substring(0, 10)));
    }
  }

  /** "第3行第C列「满意」：…" of the sheet is the 2nd row of the form's list. */
  private static String inForm(String problem) {
    Matcher m = SHEET_ROW.matcher(problem);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "第" + (Integer.parseInt(m.group(1)) - 1) + "行");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String text(Map<String, JsonNode> values, String key) {
    JsonNode node = values.get(key);
    return node == null || node.isNull() ? "" : node.asText("");
  }

}
