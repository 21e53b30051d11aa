package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.system.EngineInternals;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Starts one step of the escalation ladder for a satisfaction survey's consequence the office has
 * confirmed: SupervisoryEscalationProcess is started at its message start event and goes straight
 * to drafting that step's document for the issuing body, instead of waiting for an overdue task.
 * The step counts in the department's record like any other (and a later overdue ladder continues
 * from it).
 */
@Service
public class SurveyEscalation {

  /**
   * What the survey found.
   *
   * @param cause a unique key of this consequence, e.g. "survey:<survey instance>:<department>"
   * @param facts the sentence stating the survey result, used at the start of the document
   * @param title short name of the cause, shown in the ledger and Tasklist ("第二次满意度测评排名后位")
   */
  public record Cause(String cause, String campaignCode, String campaignName, Organization.Department department,
      EscalationStep step, String title, String facts) {
  }

  private final RuntimeService runtime;
  private final EscalationLedger ledger;

  SurveyEscalation(RuntimeService runtime, EscalationLedger ledger) {
    this.runtime = runtime;
    this.ledger = ledger;
  }

  /** Starts the step once; a second call for the same cause does nothing and returns false. */
  public boolean start(Cause c) {
    if (ledger.exists(c.cause())) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CampaignModel.CAMPAIGN_CODE, c.campaignCode());
    variables.put("campaignName", c.campaignName());
    variables.put("department", c.department().id());
    variables.put("departmentName", c.department().name());
    variables.put("unitCategory", c.department().category().label());
    variables.put("unitHead", c.department().head().id());
    variables.put(EscalationModel.CAUSE, EscalationModel.SURVEY_CAUSE);
    variables.put(EscalationModel.OVERDUE_TASK_ID, c.cause());
    variables.put("overdueTaskName", c.title());
    variables.put("surveyFacts", c.facts());
    variables.put(EscalationModel.STEP, c.step().name());
    variables.put("workingDaysOverdue", 0);
    variables.put("dueDate", EngineInternals.currentTime());
    variables.put("dueDateText", "—");
    ProcessInstance ladder = runtime.createMessageCorrelation(EscalationModel.SURVEY_MESSAGE)
        .processInstanceBusinessKey(c.campaignCode())
        .setVariables(variables)
        .correlateStartMessage();
    return ledger.open(c.cause(), c.campaignCode(), c.department().id(), c.title(), EngineInternals.currentTime(),
        ladder.getId(), EngineInternals.currentTime());
  }
}
