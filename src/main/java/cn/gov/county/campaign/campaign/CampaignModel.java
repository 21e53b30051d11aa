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

  private CampaignModel() {
  }
}
