package cn.gov.county.campaign.guard;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.MissingAuthorization;

/**
 * The engine's authorization refusal ("The user with id 'auditor' does not have one of the
 * following permissions: 'DELETE' permission on resource '…' of type 'ProcessInstance' …") as a
 * clerk reads it: what was refused, on what, and that the working bodies read in Cockpit and never
 * change. The English original stays in the server log.
 */
final class ChineseAuthorizationMessage {

  private static final Map<String, String> RESOURCES = Map.ofEntries(
      Map.entry("ProcessInstance", "流程实例"),
      Map.entry("ProcessDefinition", "流程定义"),
      Map.entry("Task", "任务"),
      Map.entry("HistoricTask", "历史任务"),
      Map.entry("HistoricProcessInstance", "历史流程实例"),
      Map.entry("Batch", "批处理"),
      Map.entry("Deployment", "部署"),
      Map.entry("DecisionDefinition", "决策定义"),
      Map.entry("DecisionRequirementsDefinition", "决策需求定义"),
      Map.entry("Authorization", "授权"),
      Map.entry("User", "用户"),
      Map.entry("Group", "用户组"),
      Map.entry("Tenant", "租户"),
      Map.entry("Filter", "过滤器"),
      Map.entry("Application", "应用"),
      Map.entry("System", "系统"),
      Map.entry("OperationLogCategory", "操作日志"));

  private static final Map<String, String> PERMISSIONS = Map.ofEntries(
      Map.entry("READ", "查看"),
      Map.entry("UPDATE", "修改"),
      Map.entry("CREATE", "新建"),
      Map.entry("DELETE", "删除"),
      Map.entry("ALL", "全部"),
      Map.entry("READ_INSTANCE", "查看实例"),
      Map.entry("UPDATE_INSTANCE", "修改实例"),
      Map.entry("CREATE_INSTANCE", "发起实例"),
      Map.entry("DELETE_INSTANCE", "删除实例"),
      Map.entry("READ_TASK", "查看任务"),
      Map.entry("UPDATE_TASK", "修改任务"),
      Map.entry("TASK_WORK", "办理任务"),
      Map.entry("TASK_ASSIGN", "分配任务"),
      Map.entry("READ_HISTORY", "查看历史"),
      Map.entry("DELETE_HISTORY", "删除历史"),
      Map.entry("SUSPEND", "挂起"),
      Map.entry("SUSPEND_INSTANCE", "挂起实例"),
      Map.entry("RETRY_JOB", "重试作业"),
      Map.entry("UPDATE_VARIABLE", "修改变量"),
      Map.entry("UPDATE_INSTANCE_VARIABLE", "修改实例变量"),
      Map.entry("UPDATE_TASK_VARIABLE", "修改任务变量"),
      Map.entry("MIGRATE_INSTANCE", "迁移实例"),
      Map.entry("ACCESS", "访问"));

  private ChineseAuthorizationMessage() {
  }

  static AuthorizationException of(AuthorizationException refusal) {
    Set<String> missing = new LinkedHashSet<>();
    for (MissingAuthorization authorization : refusal.getMissingAuthorizations()) {
      String resource = RESOURCES.getOrDefault(authorization.getResourceType(), authorization.getResourceType());
      String id = authorization.getResourceId();
      String permission = PERMISSIONS.getOrDefault(authorization.getViolatedPermissionName(),
          authorization.getViolatedPermissionName());
      missing.add((id == null || Authorization.ANY.equals(id) ? "全部" + resource : resource + "「" + id + "」")
          + "的「" + permission + "」权限");
    }
    String message = "您没有执行此操作的权限"
        + (missing.isEmpty() ? "" : "（需要" + String.join("，或", missing) + "）")
        + "。删除、挂起、修改、重试等操作只限有权限的人员；如确需处理，请联系系统管理员。";
    return new AuthorizationException(message);
  }
}
