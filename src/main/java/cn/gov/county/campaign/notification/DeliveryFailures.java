package cn.gov.county.campaign.notification;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Records a failed mail delivery (attempts, the mail server's error) in the engine's own
 * failed-job transaction, the one that counts the job's retries down: it runs after the failed
 * job's transaction has rolled back and released its connection, so a delivery never holds two
 * database connections at once (a job thread waiting for a second connection while holding one
 * is how a burst of mail exhausted the pool).
 */
@Component
class DeliveryFailures extends AbstractProcessEnginePlugin {

  private final ObjectProvider<NotificationStore> store;

  DeliveryFailures(ObjectProvider<NotificationStore> store) {
    this.store = store;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory retries = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(
        (jobId, failure) -> recordingAfter(retries.getCommand(jobId, failure), jobId, failure));
  }

  private Command<Object> recordingAfter(Command<Object> retry, String jobId, Throwable failure) {
    return commandContext -> {
      Object result = retry.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null && NotificationModel.DELIVERY_PROCESS.equals(job.getProcessDefinitionKey())) {
        Object id = commandContext.getProcessEngineConfiguration().getRuntimeService()
            .getVariable(job.getProcessInstanceId(), NotificationModel.NOTIFICATION_ID);
        if (id instanceof Number notificationId) {
          store.getObject().markFailed(notificationId.longValue(), mailServerError(failure));
        }
      }
      return result;
    };
  }

  /** The mail server's answer where there is one, else the failure's message. */
  private static String mailServerError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MailException) {
        return t.getMessage();
      }
    }
    return failure == null ? null : failure.getMessage();
  }
}
