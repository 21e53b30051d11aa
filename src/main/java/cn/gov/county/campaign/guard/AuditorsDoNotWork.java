package cn.gov.county.campaign.guard;

import cn.gov.county.campaign.system.EngineInternals;
import cn.gov.county.campaign.system.Groups;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Auditors read and never write: no task may be created for, assigned to or offered to the
 * auditors' group or one of its members, whatever started the process or set its variables. A
 * model or start that tries fails loudly and nothing is stored. (Task events reach this through
 * the Spring Boot starter's eventing bridge.)
 */
@Component
class AuditorsDoNotWork {

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "' or #task.eventName == '"
      + TaskListener.EVENTNAME_ASSIGNMENT + "' or #task.eventName == '" + TaskListener.EVENTNAME_UPDATE + "'")
  public void check(DelegateTask task) {
    if (task.getAssignee() != null && isAuditor(task, task.getAssignee())) {
      refuse(task, task.getAssignee());
    }
    for (IdentityLink candidate : task.getCandidates()) {
      if (Groups.AUDITORS.equals(candidate.getGroupId())) {
        refuse(task, candidate.getGroupId());
      }
      if (candidate.getUserId() != null && isAuditor(task, candidate.getUserId())) {
        refuse(task, candidate.getUserId());
      }
    }
  }

  private static boolean isAuditor(DelegateTask task, String userId) {
    return EngineInternals.withoutAuthorizationInCommand(() -> task.getProcessEngineServices().getIdentityService()
        .createGroupQuery().groupMember(userId).groupId(Groups.AUDITORS).count() > 0);
  }

  private static void refuse(DelegateTask task, String who) {
    throw new ProcessEngineException("审计人员只查阅记录，不能承办任务：任务「" + task.getName() + "」不能交给「" + who + "」。");
  }
}
