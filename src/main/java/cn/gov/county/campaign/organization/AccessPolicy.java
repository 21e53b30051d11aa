package cn.gov.county.campaign.organization;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.county.campaign.system.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.stereotype.Component;

/**
 * Who may do what. Everybody may use Tasklist (one global grant). Departments get no global task rights: the engine grants a candidate group
 * READ and TASK_WORK on each of its own tasks (default-user-permission-name-for-task), so a
 * department sees and works only its own tasks. The office reads all campaign work and starts
 * campaigns; auditors read everything, including all history, and write nothing.
 */
@Component
class AccessPolicy {

  private final AuthorizationService authorizationService;

  AccessPolicy(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  void apply(Organization organization) {
    grantTasklistUseToEveryone();
    Stream.concat(organization.bodies().stream().map(Organization.Body::id),
        organization.departments().stream().map(Organization.Department::id))
        .filter(group -> !Groups.ADMINS.equals(group))
        .forEach(this::removeGroupTasklistUse);

    grantCockpitReading(Groups.OFFICE);
    grant(Groups.OFFICE, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.OFFICE, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE);
    grant(Groups.OFFICE, Resources.TASK, TaskPermissions.TASK_ASSIGN);

    grantCockpitReading(Groups.AUDITORS);

    // discipline inspection assigns problems found in checks to departments at any time (问题交办)
    grant(Groups.DISCIPLINE_INSPECTION, Resources.PROCESS_DEFINITION, "ProblemAssignmentProcess",
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.DISCIPLINE_INSPECTION, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE);

    // a department asks for more time for its own problem (延期申请); the form's rule checks it is its own.
    // Starting needs CREATE on process instances ("*") too: one global grant, not one per department on
    // "*" (see grantTasklistUseToEveryone); it lets nobody start anything without CREATE_INSTANCE on a model.
    grantEveryone(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    for (Organization.Department department : organization.departments()) {
      grant(department.id(), Resources.PROCESS_DEFINITION, "DeadlineExtensionProcess",
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    // a township surveys its own sub-units (股站所, 村/社区; seed 004): its liaison and head start it (CREATE on instances is the global grant above)
    organization.departments().stream().filter(d -> d.category() == UnitCategory.TOWNSHIP).forEach(township -> {
      grant(township.id(), Resources.PROCESS_DEFINITION, "TownshipSurveyProcess",
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    });

    // the supervision office and discipline inspection open supervision cases (督查问责立案)
    for (String body : List.of(Groups.SUPERVISION_OFFICE, Groups.DISCIPLINE_INSPECTION)) {
      grant(body, Resources.PROCESS_DEFINITION, "SupervisionCaseProcess", ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(body, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE);
    }
  }

  /**
   * Everybody may log into Tasklist, see process names and see who people and groups are: one
   * global grant per right. (These were grants per group; every task query's authorization check
   * looks at every grant on "*", so 2,000 departments made a liaison's inbox slow, on H2 most.)
   */
  private void grantTasklistUseToEveryone() {
    grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantEveryone(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grantEveryone(Resources.USER, ANY, Permissions.READ);
    grantEveryone(Resources.GROUP, ANY, Permissions.READ);
  }

  private void grantEveryone(Resource resource, String resourceId, Permission permission) {
    List<Authorization> existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).list();
    Authorization authorization = existing.isEmpty()
        ? authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL)
        : existing.get(0);
    if (existing.isEmpty() || !authorization.isPermissionGranted(permission)) {
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  /** A group's own grant of a Tasklist right (from before the global grants), where it grants nothing else. */
  private void removeGroupTasklistUse(String group) {
    removeUnlessGranted(group, Resources.APPLICATION, "tasklist");
    removeUnlessGranted(group, Resources.PROCESS_DEFINITION, ANY, Stream.of(ProcessDefinitionPermissions.values())
        .filter(p -> p != ProcessDefinitionPermissions.NONE && p != ProcessDefinitionPermissions.READ
            && p != ProcessDefinitionPermissions.ALL)
        .toArray(Permission[]::new));
    removeUnlessGranted(group, Resources.USER, ANY, Permissions.CREATE, Permissions.UPDATE, Permissions.DELETE);
    removeUnlessGranted(group, Resources.GROUP, ANY, Permissions.CREATE, Permissions.UPDATE, Permissions.DELETE);
  }

  private void removeUnlessGranted(String group, Resource resource, String resourceId, Permission... others) {
    for (Authorization grant : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).list()) {
      if (Stream.of(others).noneMatch(grant::isPermissionGranted)) {
        authorizationService.deleteAuthorization(grant.getId());
      }
    }
  }

  /** Read every model, instance, task, decision and all history, in Cockpit and through REST. */
  private void grantCockpitReading(String group) {
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY);
    grant(group, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
    grant(group, Resources.TASK, TaskPermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, Permissions.READ,
        Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, Permissions.READ);
    grant(group, Resources.OPERATION_LOG_CATEGORY, UserOperationLogCategoryPermissions.READ);
    grant(group, Resources.HISTORIC_TASK, HistoricTaskPermissions.READ);
    grant(group, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
  }

  private void grant(String group, Resource resource, Permission... permissions) {
    grant(group, resource, ANY, permissions);
  }

  /** Adds the permissions to the group's grant on the resource; creates the grant if missing. */
  void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    List<Authorization> existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .list();
    Authorization authorization = existing.isEmpty()
        ? newGrant(group, resource, resourceId)
        : existing.get(0);
    List<Permission> missing = new ArrayList<>();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        missing.add(permission);
      }
    }
    if (existing.isEmpty() || !missing.isEmpty()) {
      missing.forEach(authorization::addPermission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(String group, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
