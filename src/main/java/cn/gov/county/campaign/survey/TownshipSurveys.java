package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.form.FieldViolation;
import cn.gov.county.campaign.form.FormRule;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A township's own satisfaction survey of its sub-units (seed 004: 各乡镇要参照此做法对所属股、站、所、
 * 村(居)社区、服务区开展作风建设满意度调查), TownshipSurveyProcess. The sub-units are not in the
 * organization file: the township enters them by name with their kind and counts in the start form.
 * They are scored with the county's formula (standard scale) and ranked within their kind; the last of
 * each kind is at the bottom, as for the party and mass units. The results and the measures go to the
 * township, whose task it is to approve and publish them: the county office does not decide here.
 */
@Configuration(proxyBeanMethods = false)
class TownshipSurveys {

  static final String PROCESS = "TownshipSurveyProcess";
  static final String FORM = "TownshipSurveyForm";
  static final String ROWS = "subUnitResults";
  static final List<String> KINDS = List.of("股站所", "村(居)社区", "服务区");
  private static final int MAX_COUNT = 1_000_000;

  private final Organization organization;
  private final SurveyRounds rounds;

  TownshipSurveys(Organization organization, SurveyRounds rounds) {
    this.organization = organization;
    this.rounds = rounds;
  }

  /** The township a user works for (its liaison or head), if any. */
  Optional<Organization.Department> townshipOf(String userId) {
    return organization.departments().stream().filter(d -> d.category() == UnitCategory.TOWNSHIP)
        .filter(d -> d.liaison().id().equals(userId) || d.head().id().equals(userId)).findFirst();
  }

  /**
   * Only a township's own people start its survey, for a running campaign the township takes part
   * in, with a past date and well-formed sub-unit rows.
   */
  @Bean
  FormRule townshipSurveyRule() {
    return FormRule.bySubmitter(FORM, (values, submitter) -> {
      List<FieldViolation> violations = new ArrayList<>();
      Optional<Organization.Department> township = submitter == null
          ? Optional.empty()
          : townshipOf(submitter.userId());
      if (submitter != null && township.isEmpty()) {
        violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "只有乡镇（街道）的联络员或主要负责人可以对本乡镇所属单位开展测评"));
        return violations;
      }
      String code = text(values, CampaignModel.CAMPAIGN_CODE);
      var campaign = rounds.campaign(code);
      if (campaign.isEmpty() || !campaign.get().running()) {
        violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号", "「活动编号」" + code + " 不是正在进行的整改活动"));
      } else if (township.isPresent() && !campaign.get().departments().contains(township.get())) {
        violations.add(new FieldViolation(CampaignModel.CAMPAIGN_CODE, "活动编号",
            "「活动编号」" + township.get().name() + "没有参加活动 " + code));
      }
      try {
        LocalDate date = LocalDate.parse(text(values, SurveyModel.SURVEY_DATE).substring(0, 10));
        if (date.isAfter(EngineInternals.currentTime().toInstant().atZone(CampaignDates.CHINA).toLocalDate())) {
          violations.add(new FieldViolation(SurveyModel.SURVEY_DATE, "测评日期", "「测评日期」不能晚于今天"));
        }
      } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
        violations.add(new FieldViolation(SurveyModel.SURVEY_DATE, "测评日期", "「测评日期」应为日期，如 2026-08-25"));
      }
      JsonNode rows = values.getOrDefault(ROWS, MissingNode.getInstance());
      if (!rows.isArray() || rows.isEmpty()) {
        violations.add(new FieldViolation(ROWS, "所属单位测评票数", "「所属单位测评票数」至少填写一个所属单位"));
        return violations;
      }
      Set<String> names = new HashSet<>();
      int i = 0;
      for (JsonNode row : rows) {
        i++;
        String name = row.path("unitName").asText("").strip();
        String who = "「所属单位测评票数」第" + i + "行";
        if (name.isEmpty()) {
          violations.add(new FieldViolation(ROWS, "单位名称", who + "：须填写「单位名称」"));
        } else if (!names.add(name)) {
          violations.add(new FieldViolation(ROWS, "单位名称", who + "：单位「" + name + "」重复"));
        }
        if (!KINDS.contains(row.path("unitKind").asText(""))) {
          violations.add(new FieldViolation(ROWS, "单位类型", who + "：「单位类型」应为" + String.join("、", KINDS) + "之一"));
        }
        long counted = 0;
        boolean valid = true;
        for (Map.Entry<String, String> answer : SurveyRows.STANDARD_KEYS.entrySet()) {
          JsonNode n = row.path(answer.getValue());
          if (n.isMissingNode() || n.isNull() || n.asText().isEmpty()) {
            continue;
          }
          if (!n.canConvertToLong() || !n.isIntegralNumber() && !n.asText().matches("\\d+") || n.asLong() < 0
              || n.asLong() > MAX_COUNT) {
            violations
                .add(new FieldViolation(ROWS, answer.getKey(), who + "「" + answer.getKey() + "」：应为 0 到 " + MAX_COUNT
                    + " 之间的整数票数，实际为「" + n.asText() + "」"));
            valid = false;
          } else if (!"不了解".equals(answer.getKey())) {
            counted += n.asLong();
          }
        }
        if (valid && counted == 0) {
          violations.add(new FieldViolation(ROWS, "测评票数", who + "：单位「" + name + "」没有计入得分的票（满意、基本满意、不满意合计为 0）"));
        }
      }
      return violations;
    });
  }

  /** The township's publication: a date on or after the survey and not after today. */
  @Bean
  FormRule townshipSurveyReviewRule() {
    return FormRule.of("TownshipSurveyReviewForm", values -> {
      List<FieldViolation> violations = new ArrayList<>();
      SurveyFormRules.pastDate(values, SurveyModel.PUBLICATION_DATE, "公布日期", violations);
      return violations;
    });
  }

  @Bean
  JavaDelegate rankTownshipSurveyDelegate() {
    return this::rank;
  }

  /** Finds the township from who started the survey, then scores and ranks its sub-units within their kind. */
  void rank(DelegateExecution execution) {
    String initiator = (String) execution.getVariable("surveyInitiator");
    Organization.Department township = Optional.ofNullable(initiator).flatMap(this::townshipOf)
        .or(() -> organization.department((String) execution.getVariable("township")))
        .orElseThrow(() -> new IllegalStateException("无法确定发起测评的乡镇（街道）：" + initiator));
    execution.setProcessBusinessKey((String) execution.getVariable(CampaignModel.CAMPAIGN_CODE));
    execution.setVariable("township", township.id());
    execution.setVariable("townshipName", township.name());
    SurveyScale scale = rounds.scale(SurveyScale.STANDARD).orElseThrow();
    Map<String, List<SurveyScoring.Entry>> byKind = new LinkedHashMap<>();
    KINDS.forEach(kind -> byKind.put(kind, new ArrayList<>()));
    int i = 0;
    for (JsonNode row : JsonVariables.read(execution, ROWS)) {
      Map<String, Long> counts = new LinkedHashMap<>();
      scale.answers()
          .forEach(a -> counts.put(a.answer(), row.path(SurveyRows.STANDARD_KEYS.get(a.answer())).asLong(0)));
      Organization.Department unit = new Organization.Department(township.id() + "-sub-" + ++i,
          row.path("unitName").asText().strip(), UnitCategory.TOWNSHIP, null, null, null);
      byKind.get(row.path("unitKind").asText()).add(new SurveyScoring.Entry(unit, counts));
    }
    List<Map<String, Object>> ranking = new ArrayList<>();
    StringBuilder table = new StringBuilder(
        "| 类型 | 单位 | 有效票 | 得分 | 名次 | 结果运用 |\n| --- | --- | ---: | ---: | ---: | --- |\n");
    StringBuilder bottom = new StringBuilder();
    byKind.forEach((kind, entries) -> {
      if (entries.isEmpty()) {
        return;
      }
      for (SurveyScoring.Ranked r : SurveyScoring.rank(scale, entries)) {
        boolean last = r.rankFromBottom() == 1 && r.categorySize() > 1;
        String consequence = last ? "排名最后：由" + township.name() + "责成其10天内提出整改措施，限期整改" : "";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unitName", r.departmentName());
        out.put("unitKind", kind);
        out.put("validAnswers", r.validAnswers());
        out.put("score", r.score().toPlainString());
        out.put("rank", r.rank());
        out.put("categorySize", r.categorySize());
        out.put("inBottomPosition", last);
        out.put("consequenceLabel", consequence);
        ranking.add(out);
        table.append("| ").append(kind).append(" | ").append(r.departmentName()).append(" | ").append(r.validAnswers())
            .append(" | ").append(r.score().toPlainString()).append(" | ").append(r.rank()).append("/")
            .append(r.categorySize())
            .append(" | ").append(last ? "**" + consequence + "**" : "").append(" |\n");
        if (last) {
          bottom.append(kind).append(" ").append(r.departmentName()).append("（").append(r.score().toPlainString())
              .append("分）；");
        }
      }
    });
    execution.setVariable("subUnitRanking", JsonVariables.of(ranking));
    execution.setVariable("surveyRankingTable", table.toString());
    execution.setVariable("bottomSubUnits", bottom.isEmpty() ? "无" : bottom.toString());
  }

  private static String text(Map<String, JsonNode> values, String key) {
    JsonNode node = values.get(key);
    return node == null || node.isNull() ? "" : node.asText("");
  }
}
