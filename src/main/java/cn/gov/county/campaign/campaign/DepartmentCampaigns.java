package cn.gov.county.campaign.campaign;

import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * A campaign's departments as process instances of their own: one {@code DepartmentCampaignProcess}
 * per participating department, started by the campaign in batches (from the campaign's own
 * deployment, so a later model does not change a running campaign) with the campaign's code as
 * business key. They
 * are not children of the campaign instance: a department's jobs never load or lock the campaign's
 * execution tree, so 2,000 departments start and work side by side. Each department reports its
 * end to the campaign ({@code finishedDepartmentCampaign}), whose conditional event
 * "各部门工作均已办结" asks {@link #noneRunningBesides} and lets the campaign close after the last.
 */
@Component("departmentCampaigns")
public class DepartmentCampaigns {

  /**
   * Departments started in one transaction: small enough that the engine's flush stays cheap (it
   * orders a transaction's inserts in quadratic time), large enough that job overhead is small.
   */
  static final int BATCH = 50;

  private static final List<String> CAMPAIGN_DATES = List.of("mobilizationStart", "discussionStart", "discussionEnd",
      "selfInspectionDueDate", "rectificationStart", "rectificationEnd", "consolidationStart", "consolidationEnd");

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final OrganizationDirectory directory;
  private final SelfInspectionTemplate selfInspectionTemplate;
  private final CampaignDepartments departments;

  DepartmentCampaigns(RuntimeService runtime, RepositoryService repository, OrganizationDirectory directory,
      SelfInspectionTemplate selfInspectionTemplate, CampaignDepartments departments) {
    this.runtime = runtime;
    this.repository = repository;
    this.directory = directory;
    this.selfInspectionTemplate = selfInspectionTemplate;
    this.departments = departments;
  }

  /**
   * The batches the departments start in, {@code 0 .. n-1}; each batch is a job of its own and the
   * jobs run side by side. Also sets the variable departments report their end in, so that every
   * report is an update of one row (two reports at once: the later one retries).
   */
  public List<Integer> batches(DelegateExecution campaign) {
    campaign.setVariable(CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN, "");
    int count = departments.ids(campaign).size();
    return IntStream.range(0, (count + BATCH - 1) / BATCH).boxed().toList();
  }

  /** Starts the participating departments of one batch, in the order of the organization file. */
  public void startBatch(DelegateExecution campaign, int batch) {
    String code = (String) campaign.getVariable(CampaignModel.CAMPAIGN_CODE);
    ProcessDefinition definition = definitionBesides(campaign.getProcessDefinitionId());
    TypedValue selfInspection = selfInspectionTemplate.rows((SpinJsonNode) campaign.getVariable("campaignChecklist"));
    List<String> all = departments.ids(campaign);
    for (String department : all.subList(batch * BATCH, Math.min(all.size(), (batch + 1) * BATCH))) {
      VariableMap variables = Variables.createVariables()
          .putValue(CampaignModel.CAMPAIGN_CODE, code)
          .putValue("campaignName", campaign.getVariable("campaignName"))
          .putValue(CampaignModel.CAMPAIGN_INSTANCE, campaign.getProcessInstanceId())
          .putValue(CampaignModel.DEPARTMENT, department)
          .putValue("departmentName", directory.nameOf(department))
          .putValue("unitHead", directory.headOf(department))
          .putValueTyped("selfInspection", selfInspection);
      CAMPAIGN_DATES.forEach(date -> variables.putValue(date, campaign.getVariable(date)));
      runtime.createProcessInstanceById(definition.getId()).businessKey(code).setVariables(variables).execute();
    }
  }

  /** Called by a department's instance at its end: the campaign looks whether it was the last. */
  public void reportFinished(DelegateExecution department) {
    runtime.setVariable((String) department.getVariable(CampaignModel.CAMPAIGN_INSTANCE),
        CampaignModel.FINISHED_DEPARTMENT_CAMPAIGN, department.getProcessInstanceId());
  }

  /** Whether no department instance of the campaign runs, apart from the one reporting its end. */
  public boolean noneRunningBesides(String campaignCode, String finishing) {
    long running = runtime.createProcessInstanceQuery().processDefinitionKey(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS)
        .processInstanceBusinessKey(campaignCode).count();
    if (running > 0 && finishing != null && !finishing.isEmpty()
        && runtime.createProcessInstanceQuery().processInstanceId(finishing).count() == 1) {
      running--;
    }
    return running == 0;
  }

  /** The department model deployed with the campaign's model. */
  private ProcessDefinition definitionBesides(String campaignDefinitionId) {
    String deployment = repository.getProcessDefinition(campaignDefinitionId).getDeploymentId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment)
        .processDefinitionKey(CampaignModel.DEPARTMENT_CAMPAIGN_PROCESS).singleResult();
  }
}
