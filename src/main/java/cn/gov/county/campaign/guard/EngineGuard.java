package cn.gov.county.campaign.guard;

import cn.gov.county.campaign.form.FormSubmissions;
import cn.gov.county.campaign.form.SubmissionRefusedException;
import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import cn.gov.county.campaign.system.UserRights;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules that hold on every path into the engine: it sees each command a user sends, whatever
 * URL, encoding, REST root or Java API it came through, before the engine runs it.
 *
 * <ul>
 *   <li>Task completions (complete, submit-form, resolve) and process starts are checked against
 *       their Camunda Form ({@link FormSubmissions}); a task without a form takes no values, a
 *       process without a start form is started only by the system.</li>
 *   <li>Operations that would let a department step around its work are for administrators only:
 *       BPMN errors and escalations on a task, starts in the middle of a process
 *       ({@code startInstructions}), messages, signals and conditions, moving or restarting
 *       instances, writing variables directly, creating, changing or deleting tasks, and changing
 *       a task's candidates. A task is assigned, claimed or delegated only to a person of its own
 *       unit, never to an auditor.</li>
 *   <li>Comments are written only by administrators (see {@link #refuseComments}); attachments only
 *       by those who may work on their task (or change their instance). Both are read only by
 *       those who may read their task or instance, by id too.</li>
 *   <li>The engine's own authorization refusals are answered in Chinese ({@link ChineseAuthorizationMessage}).</li>
 * </ul>
 *
 * <p>Only commands a user sends are checked: the engine's own nested commands (a delegate inside
 * a completion), jobs and timers run without a user. Administrators ({@code camunda-admin}) are
 * not restricted. Refusals are {@link AuthorizationException}s (HTTP 403) with a Chinese message;
 * invalid form values are {@link SubmissionRefusedException}s (HTTP 400).
 *
 * <p>This class reads the engine's command objects (engine internals, {@code impl.cmd}); Camunda
 * 7.24 is the last community release, so their shape is fixed.
 */
class EngineGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);

  /** Set while the guard asks the engine something, so that its own questions pass. */
  private static final ThreadLocal<Boolean> CHECKING = ThreadLocal.withInitial(() -> false);

  private final ProcessEngineConfigurationImpl configuration;
  private final Supplier<FormSubmissions> submissions;
  private final Supplier<UserRights> rights;

  EngineGuard(ProcessEngineConfigurationImpl configuration, Supplier<FormSubmissions> submissions,
      Supplier<UserRights> rights) {
    this.configuration = configuration;
    this.submissions = submissions;
    this.rights = rights;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && !CHECKING.get() && !ServerCalls.active()) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (user != null && user.getUserId() != null && !isAdministrator(user)) {
        CHECKING.set(true);
        try {
          check(command, user);
        } catch (AuthorizationException e) {
          LOG.info("Refused {} by {}: {}", command.getClass().getSimpleName(), user.getUserId(), e.getMessage());
          Refusals.record(e);
          throw e;
        } catch (SubmissionRefusedException e) {
          Refusals.record(e);
          throw e;
        } finally {
          CHECKING.remove();
        }
        try {
          return next.execute(command);
        } catch (AuthorizationException e) {
          // the engine's own authorization check (Cockpit's delete, suspend, retry ... for the office
          // and auditors): the caller gets it in Chinese; Java callers keep the engine's exception
          Refusals.record(ChineseAuthorizationMessage.of(e));
          throw e;
        }
      }
    }
    return next.execute(command);
  }

  private void check(Command<?> command, Authentication user) {
    // completions and starts: the form decides
    if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      checkTask(field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTask(field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof SubmitStartFormCmd) {
      checkStart(definition(field(command, "processDefinitionId"), null, null), field(command, "variables"));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      checkStart(definition(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder),
          builder.getVariables());

      // ways around the forms: administrators only
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      refuse("流程只能从开始事件发起，不能指定从流程中间的某个环节开始。");
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      refuse("任务只能按表单办理；通过接口抛出 BPMN 错误或升级事件只限系统管理员。");
    } else if (command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
        || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd
        || command instanceof EvaluateStartConditionCmd) {
      refuse("消息、信号和条件事件只由系统内部触发，不能通过接口发送。");
    } else if (command instanceof ModifyProcessInstanceCmd
        || command instanceof AbstractProcessInstanceModificationCommand
        || command instanceof AbstractModificationCmd || command instanceof AbstractRestartProcessInstanceCmd) {
      refuse("不能改变流程的执行位置，也不能重新启动流程。");
    } else if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      refuse("流程数据只能通过办理任务的表单提交，不能直接修改。");

      // who works on a task (assignment commands are task-property commands too: first)
    } else if (command instanceof AssignTaskCmd || command instanceof ClaimTaskCmd
        || command instanceof DelegateTaskCmd) {
      checkAssignee(field(command, "taskId"), field(command, "userId"));
    } else if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
      refuse("任务的承办单位由流程确定，不能增删候选人、候选组或所有人。");

    } else if (command instanceof SaveTaskCmd || command instanceof CreateTaskCmd || command instanceof DeleteTaskCmd
        || command instanceof AbstractSetTaskPropertyCmd) {
      refuse("任务由流程产生，其名称、期限和优先级由流程确定，不能新建、修改或删除。");

      // comments and attachments
    } else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof DeleteTaskCommentCmd || command instanceof DeleteProcessInstanceCommentCmd) {
      refuseComments(user);
    } else if (command instanceof CreateAttachmentCmd) {
      checkWrite(user, field(command, "taskId"), field(command, "processInstanceId"));
    } else if (command instanceof SaveAttachmentCmd) {
      Attachment attachment = field(command, "attachment");
      checkWrite(user, attachment.getTaskId(), attachment.getProcessInstanceId());
    } else if (command instanceof DeleteAttachmentCmd) {
      String taskId = field(command, "taskId");
      Attachment attachment = attachment(field(command, "attachmentId"));
      checkWrite(user, taskId != null ? taskId : attachment == null ? null : attachment.getTaskId(),
          attachment == null ? null : attachment.getProcessInstanceId());
    } else if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskCommentCmd
        || command instanceof GetTaskAttachmentsCmd || command instanceof GetTaskAttachmentCmd
        || command instanceof GetTaskAttachmentContentCmd || command instanceof GetTaskEventsCmd) {
      checkRead(field(command, "taskId"), null);
    } else if (command instanceof GetProcessInstanceCommentsCmd
        || command instanceof GetProcessInstanceAttachmentsCmd) {
      checkRead(null, field(command, "processInstanceId"));
    } else if (command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd) {
      Attachment attachment = attachment(field(command, "attachmentId"));
      if (attachment != null) {
        checkRead(attachment.getTaskId(), attachment.getProcessInstanceId());
      }
    }
  }

  private void checkTask(String taskId, Map<String, Object> variables) {
    if (submissions.get().checkTask(taskId, variables) == FormSubmissions.Verdict.NOT_FOUND) {
      NotFoundException notFound = new NotFoundException("找不到该任务：它可能已经办结，或不是您可以办理的任务。");
      Refusals.record(notFound);
      throw notFound;
    }
  }

  private void checkStart(ProcessDefinition definition, Map<String, Object> variables) {
    if (submissions.get().checkStart(definition, variables) == FormSubmissions.Verdict.NO_START_FORM) {
      refuse("「" + (definition.getName() == null ? definition.getKey() : definition.getName())
          + "」由系统自动发起，不能手工启动。");
    }
  }

  /** The definition a start names (the latest version for a key), or null when there is none. */
  private ProcessDefinition definition(String id, String key, ProcessInstantiationBuilderImpl builder) {
    var repository = configuration.getRepositoryService();
    if (id != null) {
      return repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    }
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
    if (builder != null && builder.isProcessDefinitionTenantIdSet()) {
      String tenant = builder.getProcessDefinitionTenantId();
      query = tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant);
    }
    return query.list().stream().findFirst().orElse(null);
  }

  /**
   * A task goes only to a person of its own unit: a candidate user, or a member of a candidate
   * group. A task the model assigned (a unit head's) stays with that person. Auditors never work.
   */
  private void checkAssignee(String taskId, String userId) {
    if (userId == null) {
      return; // unclaim
    }
    Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !(rights.get().mayAssign(task) || rights.get().mayWorkOn(task))) {
      return; // the engine refuses or does not find it
    }
    List<String> groups = groupsOf(userId);
    if (groups.contains(Groups.AUDITORS)) {
      refuse("审计人员只查阅记录，不能承办任务。");
    }
    if (userId.equals(task.getAssignee())) {
      return;
    }
    List<IdentityLink> links = withoutUser(() -> configuration.getTaskService().getIdentityLinksForTask(taskId));
    boolean candidate = links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
        && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))));
    if (!candidate) {
      refuse("任务只能交给承办单位的人员办理，「" + userId + "」不是该任务承办单位的人员。");
    }
  }

  /**
   * Comments (Tasklist's 添加备注) are for administrators only: what a unit or the office says about
   * a task belongs in the task's form, which is validated, kept in the audit chain and shown in the
   * unit's record and the export; a comment would be none of these. Tasklist does not offer them to
   * anybody else (clerk-view.js), and no path into the engine accepts them.
   */
  private static void refuseComments(Authentication user) {
    if (user.getGroupIds() != null && user.getGroupIds().contains(Groups.AUDITORS)) {
      refuse("审计人员只能查阅，不能添加、修改或删除备注和附件。");
    }
    refuse(COMMENTS_REFUSED);
  }

  static final String COMMENTS_REFUSED = "备注功能只限系统管理员使用：办理意见请填写在任务表单中，审核意见请填写在审核表单中。";

  private void checkWrite(Authentication user, String taskId, String processInstanceId) {
    if (user.getGroupIds() != null && user.getGroupIds().contains(Groups.AUDITORS)) {
      refuse("审计人员只能查阅，不能添加、修改或删除备注和附件。");
    }
    if (taskId != null) {
      Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null || !rights.get().mayWorkOn(task)) {
        refuse("只有承办该任务的人员才能添加、修改或删除它的备注和附件。");
      }
    } else if (processInstanceId != null) {
      var instance = withoutUser(() -> configuration.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult());
      if (instance == null || !rights.get().mayUpdateInstance(processInstanceId, instance.getProcessDefinitionId())) {
        refuse("无权为该流程添加、修改或删除备注和附件。");
      }
    }
  }

  private void checkRead(String taskId, String processInstanceId) {
    boolean readable;
    if (taskId != null) {
      readable = configuration.getTaskService().createTaskQuery().taskId(taskId).count() > 0
          || configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    } else if (processInstanceId != null) {
      readable = configuration.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
          .count() > 0
          || configuration.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
              .count() > 0;
    } else {
      readable = false;
    }
    if (!readable) {
      refuse("无权查看该任务或流程的备注和附件。");
    }
  }

  private Attachment attachment(String attachmentId) {
    return attachmentId == null
        ? null
        : withoutUser(() -> configuration.getTaskService().getAttachment(attachmentId));
  }

  private List<String> groupsOf(String userId) {
    return withoutUser(() -> configuration.getIdentityService().createGroupQuery().groupMember(userId).list())
        .stream().map(Group::getId).toList();
  }

  private boolean isAdministrator(Authentication user) {
    List<String> adminGroups = configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers();
    return (adminUsers != null && adminUsers.contains(user.getUserId()))
        || (adminGroups != null && user.getGroupIds() != null
            && user.getGroupIds().stream().anyMatch(adminGroups::contains));
  }

  private <T> T withoutUser(Supplier<T> call) {
    return EngineInternals.withoutUser(configuration.getIdentityService(), call);
  }

  private static void refuse(String message) {
    throw new AuthorizationException(message);
  }

  /** A field of an engine command, found up its class hierarchy. */
  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new ProcessEngineException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new ProcessEngineException("The engine command " + command.getClass().getName() + " has no field " + name);
  }

}
