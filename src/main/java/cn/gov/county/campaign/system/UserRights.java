package cn.gov.county.campaign.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the authenticated user may do, asked of the engine's authorizations: for checks that must
 * know the answer before the engine refuses (so a refusal of ours never tells a user about a task
 * the engine would have hidden from them).
 */
@Component
public class UserRights {

  private final ObjectProvider<ProcessEngine> engine;

  UserRights(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** Claim and complete the task: the department's own tasks, the office's tasks for the office. */
  public boolean mayWorkOn(Task task) {
    return hasTaskRight(task, TaskPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_WORK);
  }

  /** Assign the task to someone (the office). */
  public boolean mayAssign(Task task) {
    return hasTaskRight(task, TaskPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.TASK_ASSIGN);
  }

  /** The right on the task itself or on all tasks of its process; UPDATE includes every right. */
  private boolean hasTaskRight(Task task, Permission onTask, Permission onDefinition) {
    if (isAuthorized(onTask, Resources.TASK, task.getId())
        || isAuthorized(Permissions.UPDATE, Resources.TASK, task.getId())) {
      return true;
    }
    String definitionKey = definitionKey(task.getProcessDefinitionId());
    return definitionKey != null && (isAuthorized(onDefinition, Resources.PROCESS_DEFINITION, definitionKey)
        || isAuthorized(ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, definitionKey));
  }

  /** Change a running process instance. */
  public boolean mayUpdateInstance(String processInstanceId, String processDefinitionId) {
    String definitionKey = definitionKey(processDefinitionId);
    return isAuthorized(Permissions.UPDATE, Resources.PROCESS_INSTANCE, processInstanceId)
        || (definitionKey != null
            && isAuthorized(ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, definitionKey));
  }

  /** Start an instance of the process. */
  public boolean mayStart(String definitionKey) {
    return isAuthorized(ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definitionKey)
        && isAuthorized(ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE,
            org.camunda.bpm.engine.authorization.Authorization.ANY);
  }

  public boolean isAuthorized(Permission permission, Resource resource, String resourceId) {
    ProcessEngine e = engine.getObject();
    var authentication = e.getIdentityService().getCurrentAuthentication();
    if (authentication == null || !e.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      return true;
    }
    return e.getAuthorizationService().isUserAuthorized(authentication.getUserId(),
        authentication.getGroupIds(), permission, resource, resourceId);
  }

  private String definitionKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    return EngineInternals.withoutUser(engine.getObject().getIdentityService(),
        () -> engine.getObject().getRepositoryService().getProcessDefinition(processDefinitionId).getKey());
  }
}
