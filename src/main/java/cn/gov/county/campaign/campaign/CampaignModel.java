package cn.gov.county.campaign.campaign;

/** Names shared by the campaign's models and code: process keys, messages, element ids. */
public final class CampaignModel {

  public static final String CAMPAIGN_PROCESS = "RectificationCampaignProcess";
  public static final String DEPARTMENT_CAMPAIGN_PROCESS = "DepartmentCampaignProcess";
  public static final String SELF_INSPECTION_PROCESS = "DepartmentSelfInspectionProcess";
  public static final String RECTIFICATION_PLAN_PROCESS = "DepartmentRectificationPlanProcess";
  public static final String RECTIFICATION_ITEM_PROCESS = "RectificationItemProcess";
  public static final String CONSOLIDATION_PROCESS = "DepartmentConsolidationProcess";
  public static final String PROBLEM_ASSIGNMENT_PROCESS = "ProblemAssignmentProcess";

  public static final String PLAN_APPROVED_MESSAGE = "RectificationPlanApproved";

  public static final String CAMPAIGN_CODE = "campaignCode";
  public static final String DEPARTMENT = "department";
  public static final String PARTICIPATING_DEPARTMENTS = "participatingDepartments";
  public static final String PLANS_APPROVED = "plansApproved";
  /** On a department's instance: the campaign instance it reports its end to. */
  public static final String CAMPAIGN_INSTANCE = "campaignInstanceId";
  /** On the campaign instance: the department instance that reported its end last. */
  public static final String FINISHED_DEPARTMENT_CAMPAIGN = "finishedDepartmentCampaign";

  // the campaign's phase dates (launch form), read by the timers of both campaign models
  public static final String CAMPAIGN_NAME = "campaignName";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String MOBILIZATION_START = "mobilizationStart";
  public static final String MOBILIZATION_END = "mobilizationEnd";
  public static final String RESEARCH_START = "researchStart";
  public static final String RESEARCH_END = "researchEnd";
  public static final String RECTIFICATION_START = "rectificationStart";
  public static final String RECTIFICATION_END = "rectificationEnd";
  public static final String CONSOLIDATION_START = "consolidationStart";
  public static final String CONSOLIDATION_END = "consolidationEnd";
  public static final String DISCUSSION_START = "discussionStart";
  public static final String DISCUSSION_END = "discussionEnd";
  public static final String SELF_INSPECTION_DUE_DATE = "selfInspectionDueDate";
  public static final String UNIT_HEAD = "unitHead";

  /** Element ids of DepartmentCampaignProcess (部门整改活动). */
  public static final class DepartmentCampaign {
    public static final String MOBILIZATION_PHASE_STARTS = "TimerEvent_MobilizationPhaseStarts";
    public static final String RECTIFICATION_PHASE_STARTS = "TimerEvent_RectificationPhaseStarts";
    public static final String CONSOLIDATION_PHASE_STARTS = "TimerEvent_ConsolidationPhaseStarts";
    public static final String SELF_INSPECTION = "CallActivity_SelfInspection";
    public static final String RECTIFICATION_PLAN = "CallActivity_RectificationPlan";
    public static final String CONSOLIDATION = "CallActivity_Consolidation";
    public static final String REPORT_FINISHED = "ServiceTask_ReportDepartmentFinished";
    public static final String FINISHED = "EndEvent_DepartmentFinished";

    private DepartmentCampaign() {
    }
  }

  private CampaignModel() {
  }
}
