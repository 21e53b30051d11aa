package cn.gov.county.campaign.tasklist;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The line a task card shows under the task's name: which unit and which campaign,
 * "县财政局 · 2026年机关作风建设活动（ZG-2026-XXXX）". It is the first line of the task's
 * description (what follows it, such as a calendar warning, stays below it).
 */
@Component
class TaskCards {

  static final String SEPARATOR = " · ";

  private final Organization organization;

  TaskCards(Organization organization) {
    this.organization = organization;
  }

  /**
   * @param variable the task's process variables by name
   * @return the label, or empty for a task of no unit and no campaign
   */
  Optional<Card> label(Collection<? extends IdentityLink> links, Function<String, Object> variable) {
    Optional<String> unit = links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> organization.department(l.getGroupId()))
        .flatMap(Optional::stream)
        .findFirst()
        .or(() -> text(variable.apply("department")).flatMap(organization::department))
        .map(Organization.Department::name);
    Optional<String> code = text(variable.apply(CampaignModel.CAMPAIGN_CODE));
    Optional<String> campaign = code
        .map(c -> text(variable.apply("campaignName")).map(name -> name + "（" + c + "）").orElse(c));
    if (unit.isEmpty() && campaign.isEmpty()) {
      return Optional.empty();
    }
    String text = unit.map(u -> campaign.map(c -> u + SEPARATOR + c).orElse(u)).orElseGet(campaign::get);
    return Optional.of(new Card(unit.orElse(null), code.orElse(null), text));
  }

  /**
   * The line of a task.
   *
   * @param unit the unit's name, or null
   * @param campaignCode the campaign's code, or null
   * @param text what the card shows
   */
  record Card(String unit, String campaignCode, String text) {

    /**
     * The description with the card's line first; unchanged when it names the unit and the
     * campaign's code already (the line itself, or a model's own description such as a complaint's
     * "ZG-…-TS-01：县财政局（…）").
     */
    String described(String description) {
      if (description == null || description.isBlank()) {
        return text;
      }
      boolean named = (unit == null || description.contains(unit))
          && (campaignCode == null || description.contains(campaignCode));
      return named ? description : text + "\n" + description;
    }
  }

  private static Optional<String> text(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
