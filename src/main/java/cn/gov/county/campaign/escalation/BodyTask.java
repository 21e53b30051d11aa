package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.notification.Recipient;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task of a working body (the office, the leading group, discipline inspection, the supervision
 * office, the organization department): watched like a department's, without a ladder.
 *
 * @param bodyName the body the task is offered to, or the assignee's name
 * @param workers who is told: the assignee, else the members of the bodies it is offered to
 */
record BodyTask(String taskId, String name, Date dueDate, String campaignCode, String campaignName, String bodyName,
    List<Recipient> workers) {

  /** @return the body's task, or empty for a task no body of the organization works on */
  static Optional<BodyTask> of(String taskId, String name, Date dueDate, String assignee,
      Collection<? extends IdentityLink> links, Function<String, Object> variable, Audience audience) {
    String campaignCode = (String) variable.apply(CampaignModel.CAMPAIGN_CODE);
    String campaignName = (String) variable.apply("campaignName");
    List<String> bodies = links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(audience::isBody)
        .toList();
    Optional<Recipient> assigned = audience.person(assignee);
    if (assigned.isPresent()) {
      String bodyName = bodies.isEmpty() ? assigned.get().name() : audience.bodyName(bodies.get(0));
      return Optional.of(new BodyTask(taskId, name, dueDate, campaignCode, campaignName, bodyName,
          List.of(assigned.get())));
    }
    if (bodies.isEmpty()) {
      return Optional.empty();
    }
    List<Recipient> members = bodies.stream().flatMap(b -> audience.members(b).stream()).distinct().toList();
    return Optional.of(new BodyTask(taskId, name, dueDate, campaignCode, campaignName, audience.bodyName(bodies.get(0)),
        members));
  }
}
