package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.CampaignProperties;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the engine's groups, access rules and shared Tasklist filters in line with the
 * organization file at every start; in the demo setup also creates the file's people as users.
 * Running it twice changes nothing the second time.
 */
@Component
class OrganizationSetup implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSetup.class);

  private final Organization organization;
  private final CampaignProperties properties;
  private final IdentityService identityService;
  private final AccessPolicy accessPolicy;
  private final SharedFilters sharedFilters;

  OrganizationSetup(Organization organization, CampaignProperties properties,
      IdentityService identityService, AccessPolicy accessPolicy, SharedFilters sharedFilters) {
    this.organization = organization;
    this.properties = properties;
    this.identityService = identityService;
    this.accessPolicy = accessPolicy;
    this.sharedFilters = sharedFilters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    apply();
  }

  void apply() {
    organization.bodies().forEach(body -> ensureGroup(body.id(), body.name(), body.type()));
    organization.departments().forEach(d -> ensureGroup(d.id(), d.name(), d.category().label()));
    if (properties.demoUsers()) {
      createDemoUsers();
    }
    accessPolicy.apply(organization);
    sharedFilters.apply(organization);
    LOG.info("Organization of {}: {} bodies, {} departments{}", organization.county(),
        organization.bodies().size(), organization.departments().size(),
        properties.demoUsers() ? ", demo users with password = id" : "");
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (Objects.equals(group.getName(), name) && Objects.equals(group.getType(), type)) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void createDemoUsers() {
    for (Organization.Body body : organization.bodies()) {
      for (Organization.Person member : body.members()) {
        ensureUser(member, member.post() != null ? member.post() : body.name(), body.id());
      }
    }
    for (Organization.Department department : organization.departments()) {
      ensureUser(department.head(), department.name() + " 一把手", department.id());
      ensureUser(department.liaison(), department.name() + " 联络员", department.id());
      department.deputies().forEach(deputy -> ensureUser(deputy, department.name() + " 班子成员", department.id()));
    }
  }

  /** Creates the user once (password = id); never overwrites a user that exists. */
  private void ensureUser(Organization.Person person, String post, String groupId) {
    if (identityService.createUserQuery().userId(person.id()).count() == 0) {
      User user = identityService.newUser(person.id());
      user.setFirstName(person.name());
      user.setLastName(person.post() != null ? person.post() : post);
      user.setEmail(organization.emailOf(person));
      user.setPassword(person.id());
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(person.id()).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(person.id(), groupId);
    }
  }
}
