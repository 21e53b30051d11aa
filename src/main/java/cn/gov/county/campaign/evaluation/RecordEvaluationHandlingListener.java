package cn.gov.county.campaign.evaluation;

import cn.gov.county.campaign.system.EngineInternals;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Who in the organization department decided on a flagged leader, and when (kept in the record). */
@Component
class RecordEvaluationHandlingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = authentication != null ? authentication.getUserId() : task.getAssignee();
    task.getExecution().setVariable(EvaluationModel.HANDLED_BY, user);
    task.getExecution().setVariable(EvaluationModel.HANDLED_AT, EngineInternals.currentTime());
  }
}
