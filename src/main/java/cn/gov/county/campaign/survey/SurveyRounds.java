package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The survey rounds of a campaign, read from history: each round is a SatisfactionSurveyProcess
 * instance with the campaign's code as business key, and its ranking is the instance's
 * {@code surveyRanking} variable. Nothing is kept beside the process data.
 */
@Service
public class SurveyRounds {

  /**
   * One round.
   *
   * @param ranking     the ranking rows (empty until the results are entered)
   * @param approval    who approved the results: the joint meeting (date, participants, decision) for a
   *                    counted round, the office's requirements for the diagnostic one; empty until then
   * @param publication the publication in the media (medium, date, content); empty until recorded
   * @param superiorReports the reports of vertically managed units to their superiors
   */
  public record Round(String processInstanceId, String campaignCode, int round, String name, String surveyDate,
      String scale, boolean countsForConsequences, JsonNode ranking, JsonNode consequences, Date startedAt,
      Date endedAt, Map<String, String> approval, Map<String, String> publication, JsonNode superiorReports) {

    /** This department's ranking row, if it was ranked in the round. */
    public Optional<JsonNode> rowOf(String department) {
      for (JsonNode row : ranking) {
        if (row.path("department").asText().equals(department)) {
          return Optional.of(row);
        }
      }
      return Optional.empty();
    }

    /** The office's decision on this department's proposed consequence, if any. */
    public Optional<JsonNode> consequenceOf(String department) {
      for (JsonNode row : consequences) {
        if (row.path("department").asText().equals(department)) {
          return Optional.of(row);
        }
      }
      return Optional.empty();
    }
  }

  private final HistoryService history;
  private final OrganizationDirectory directory;
  private final Map<String, SurveyScale> scales;

  SurveyRounds(HistoryService history, OrganizationDirectory directory, SurveyProperties properties) {
    this.history = history;
    this.directory = directory;
    this.scales = properties.toScales();
  }

  public Map<String, SurveyScale> scales() {
    return scales;
  }

  Optional<SurveyScale> scale(String name) {
    return Optional.ofNullable(scales.get(name == null || name.isBlank() ? SurveyScale.STANDARD : name));
  }

  /** The campaign's rounds in order. */
  public List<Round> rounds(String campaignCode) {
    List<Round> rounds = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SurveyModel.PROCESS).processInstanceBusinessKey(campaignCode).list()) {
      Map<String, Object> v = new HashMap<>();
      Map<String, JsonNode> json = new HashMap<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).disableCustomObjectDeserialization().list()) {
        if (variable.getActivityInstanceId() != null && !variable.getActivityInstanceId().equals(instance.getId())) {
          continue;
        }
        if (SurveyModel.RANKING.equals(variable.getName()) || SurveyModel.PROPOSED.equals(variable.getName())
            || SurveyModel.SUPERIOR_REPORTS.equals(variable.getName())) {
          json.put(variable.getName(), JsonVariables.toJson(variable.getTypedValue()));
        } else {
          v.put(variable.getName(), variable.getValue());
        }
      }
      rounds.add(new Round(instance.getId(), campaignCode, v.get(SurveyModel.ROUND) instanceof Integer n ? n : 0,
          (String) v.get(SurveyModel.ROUND_NAME),
          v.get(SurveyModel.SURVEY_DATE) == null ? "" : String.valueOf(v.get(SurveyModel.SURVEY_DATE)),
          (String) v.get(SurveyModel.SCALE), Boolean.TRUE.equals(v.get(SurveyModel.COUNTS)),
          json.getOrDefault(SurveyModel.RANKING, MissingNode.getInstance()),
          json.getOrDefault(SurveyModel.PROPOSED, MissingNode.getInstance()), instance.getStartTime(),
          instance.getEndTime(),
          texts(v, SurveyModel.MEETING_DATE, SurveyModel.MEETING_PARTICIPANTS, SurveyModel.MEETING_DECISION,
              "diagnosticRequirements"),
          texts(v, SurveyModel.MEDIUM, SurveyModel.PUBLICATION_DATE, SurveyModel.PUBLICATION_CONTENT),
          json.getOrDefault(SurveyModel.SUPERIOR_REPORTS, MissingNode.getInstance())));
    }
    rounds.sort(Comparator.comparingInt(Round::round).thenComparing(Round::startedAt));
    return rounds;
  }

  private static Map<String, String> texts(Map<String, Object> variables, String... names) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (String name : names) {
      Object value = variables.get(name);
      if (value != null && !String.valueOf(value).isBlank()) {
        texts.put(name, String.valueOf(value));
      }
    }
    return texts;
  }

  public Optional<Round> round(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey(SurveyModel.PROCESS).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    return rounds(instance.getBusinessKey()).stream().filter(r -> r.processInstanceId().equals(processInstanceId))
        .findFirst();
  }

  /** How many earlier counted rounds of the campaign put the department in the bottom position. */
  int earlierTimesInBottomPosition(String campaignCode, String department, String currentInstanceId) {
    int times = 0;
    for (Round round : rounds(campaignCode)) {
      if (round.processInstanceId().equals(currentInstanceId) || !round.countsForConsequences()) {
        continue;
      }
      times += round.rowOf(department).filter(row -> row.path("inBottomPosition").asBoolean(false)).isPresent() ? 1 : 0;
    }
    return times;
  }

  /** The campaign (running or finished) and its participating departments, from history. */
  Optional<Campaign> campaign(String campaignCode) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CampaignModel.CAMPAIGN_PROCESS).processInstanceBusinessKey(campaignCode)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    HistoricVariableInstance name = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("campaignName").singleResult();
    HistoricVariableInstance participating = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(CampaignModel.PARTICIPATING_DEPARTMENTS)
        .disableCustomObjectDeserialization().singleResult();
    List<Organization.Department> departments = new ArrayList<>();
    if (participating != null) {
      for (JsonNode node : JsonVariables.toJson(participating.getTypedValue())) {
        directory.departments().stream().filter(d -> d.id().equals(node.path("id").asText())).findFirst()
            .ifPresent(departments::add);
      }
    }
    return Optional.of(new Campaign(campaignCode, name == null ? campaignCode : String.valueOf(name.getValue()),
        instance.getEndTime() == null, departments));
  }

  record Campaign(String code, String name, boolean running, List<Organization.Department> departments) {
  }
}
