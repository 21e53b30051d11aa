package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task a department has to do: offered to the department's group (worked by its liaison) or
 * assigned to its unit head or another member of its leading team (the commitments, the head's
 * approvals, a written self-criticism).
 *
 * @param worker who is told about the task: the liaison, or the head for the head's own task
 */
record DepartmentTask(String taskId, String name, Date dueDate, String processInstanceId, String campaignCode,
    String campaignName, Organization.Department department, Recipient worker) {

  /**
   * @param variable the task's process variables by name
   * @return the department task, or empty for the working bodies' tasks
   */
  static Optional<DepartmentTask> of(String taskId, String name, Date dueDate, String processInstanceId,
      String assignee, Collection<? extends IdentityLink> links, Function<String, Object> variable, Audience audience) {
    String campaignCode = (String) variable.apply(CampaignModel.CAMPAIGN_CODE);
    String campaignName = (String) variable.apply("campaignName");
    Optional<Organization.Department> offeredTo = links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> audience.department(l.getGroupId()))
        .flatMap(Optional::stream)
        .findFirst();
    if (offeredTo.isPresent()) {
      return Optional.of(new DepartmentTask(taskId, name, dueDate, processInstanceId, campaignCode, campaignName,
          offeredTo.get(), audience.liaison(offeredTo.get())));
    }
    Optional<Organization.Department> unit = audience.department((String) variable.apply("department"));
    if (unit.isEmpty() || assignee == null) {
      return Optional.empty();
    }
    return audience.leader(unit.get(), assignee).map(leader -> new DepartmentTask(taskId, name, dueDate,
        processInstanceId, campaignCode, campaignName, unit.get(), leader));
  }
}
