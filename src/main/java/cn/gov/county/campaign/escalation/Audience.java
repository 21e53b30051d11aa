package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.notification.Recipient;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who is told: a department's liaison and unit head, a working body's members, the office's members. */
@Component
public class Audience {

  static final String OFFICE = Groups.OFFICE;

  private final Organization organization;

  Audience(Organization organization) {
    this.organization = organization;
  }

  public Optional<Organization.Department> department(String id) {
    return id == null ? Optional.empty() : organization.department(id);
  }

  public Recipient liaison(Organization.Department department) {
    return recipient(department.liaison());
  }

  public Recipient head(Organization.Department department) {
    return recipient(department.head());
  }

  /** A member of the unit's leading team (the head or a deputy), by user id. */
  public Optional<Recipient> leader(Organization.Department department, String userId) {
    return department.leadingTeam().stream().filter(p -> p.id().equals(userId)).findFirst().map(this::recipient);
  }

  /** The unit's liaison and head: whom a notice to the unit reaches. */
  public List<Recipient> unit(Organization.Department department) {
    return List.of(liaison(department), head(department));
  }

  /** The liaison and head of each of the departments (group ids), once each. */
  public List<Recipient> units(java.util.Collection<String> departments) {
    return departments.stream().map(organization::department).flatMap(Optional::stream)
        .flatMap(d -> unit(d).stream()).distinct().toList();
  }

  public List<Recipient> office() {
    return members(OFFICE);
  }

  public List<Recipient> members(String bodyId) {
    return organization.body(bodyId).map(b -> b.members().stream().map(this::recipient).toList()).orElse(List.of());
  }

  boolean isBody(String groupId) {
    return organization.body(groupId).isPresent();
  }

  /** A person of the organization file (a body's member, a unit head, a liaison). */
  Optional<Recipient> person(String userId) {
    return userId == null
        ? Optional.empty()
        : organization.people().filter(p -> p.id().equals(userId)).findFirst().map(this::recipient);
  }

  String bodyName(String bodyId) {
    return organization.body(bodyId).map(Organization.Body::name).orElse(bodyId);
  }

  /** The liaison, the unit head when the step reaches the head, and the office. */
  List<Recipient> forStep(Organization.Department department, EscalationStep step) {
    List<Recipient> recipients = new ArrayList<>();
    recipients.add(liaison(department));
    if (step.reachesUnitHead()) {
      recipients.add(head(department));
    }
    office().stream().filter(r -> !recipients.contains(r)).forEach(recipients::add);
    return recipients;
  }

  private Recipient recipient(Organization.Person person) {
    return new Recipient(person.id(), person.name(), organization.emailOf(person));
  }
}
