package cn.gov.county.campaign.campaign;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The unit's commitment and its staff's are published (承诺公示): marked with the day of
 * publication, from when the office and auditors read them with the department's record.
 */
@Component
class PublishCommitmentsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("commitmentsPublishedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
  }
}
