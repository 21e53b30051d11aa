package cn.gov.county.campaign.organization;

import java.util.List;
import org.springframework.stereotype.Component;

/** The organization as processes ask for it: {@code ${organizationDirectory.nameOf(department)}}. */
@Component("organizationDirectory")
public class OrganizationDirectory {

  private final Organization organization;

  OrganizationDirectory(Organization organization) {
    this.organization = organization;
  }

  public List<Organization.Department> departments() {
    return organization.departments();
  }

  public boolean isDepartment(String id) {
    return organization.department(id).isPresent();
  }

  public String nameOf(String department) {
    return find(department).name();
  }

  /** The unit head's user id: the person escalation and commitments land on. */
  public String headOf(String department) {
    return find(department).head().id();
  }

  /** The user ids of the unit's leading team (班子成员), the head first: each signs a commitment of his own. */
  public List<String> leadingTeamOf(String department) {
    return find(department).leadingTeam().stream().map(Organization.Person::id).toList();
  }

  /** The department whose leading team this user belongs to, if any. */
  public java.util.Optional<Organization.Department> ledBy(String userId) {
    return organization.departments().stream()
        .filter(d -> d.leadingTeam().stream().anyMatch(p -> p.id().equals(userId))).findFirst();
  }

  public String liaisonOf(String department) {
    return find(department).liaison().id();
  }

  private Organization.Department find(String department) {
    return organization.department(department)
        .orElseThrow(() -> new IllegalArgumentException("未知的部门: " + department));
  }
}
