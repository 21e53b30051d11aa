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

  public String liaisonOf(String department) {
    return find(department).liaison().id();
  }

  private Organization.Department find(String department) {
    return organization.department(department)
        .orElseThrow(() -> new IllegalArgumentException("未知的部门: " + department));
  }
}
