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

  /** The unit head's approval before a report leaves the department (UnitHeadApprovalForm). */
  public static final String HEAD_DECISION = "headDecision";
  public static final String HEAD_APPROVED = "approved";
  public static final String HEAD_RETURNED = "returned";
  /** What the head approval task shows: the variable under review and its name. */
  public static final String HEAD_REVIEW_OF = "headReviewOf";
  public static final String HEAD_REVIEW_SUBJECT = "headReviewSubject";

  /** Element ids and variables of DepartmentSelfInspectionProcess (部门自查自纠). */
  public static final class SelfInspection {
    public static final String DRAFT_WORK_PLAN = "UserTask_DraftWorkPlan";
    public static final String DISCUSSION_OPENS = "TimerEvent_DiscussionOpens";
    public static final String RECORD_DISCUSSION = "UserTask_RecordDiscussion";
    public static final String DISCUSSION_CLOSED = "BoundaryEvent_DiscussionClosed";
    public static final String MARK_DISCUSSION_RECORDED = "ServiceTask_MarkDiscussionRecorded";
    public static final String MARK_DISCUSSION_MISSING = "ServiceTask_MarkDiscussionMissing";
    public static final String SELF_INSPECT = "UserTask_SelfInspect";
    public static final String SIGN_UNIT_COMMITMENT = "UserTask_SignUnitCommitment";
    public static final String SIGN_LEADER_COMMITMENT = "UserTask_SignLeaderCommitment";
    public static final String ENTER_STAFF_COMMITMENTS = "UserTask_EnterStaffCommitments";
    public static final String PUBLISH_COMMITMENTS = "ServiceTask_PublishCommitments";
    public static final String SUBMIT_REPORT = "UserTask_SubmitSelfInspectionReport";
    public static final String HEAD_APPROVES_REPORT = "UserTask_HeadApprovesSelfInspectionReport";
    public static final String REVIEW_REPORT = "UserTask_ReviewSelfInspectionReport";
    public static final String REGISTER_PROBLEMS = "ServiceTask_RegisterSelfInspectionProblems";
    public static final String COMPLETED = "EndEvent_SelfInspectionCompleted";

    /** Set when the discussion closes: true if its record was not entered in time. */
    public static final String DISCUSSION_MISSING = "discussionMissing";
    /** The office's review of the report: accepted or returned. */
    public static final String REPORT_DECISION = "reportDecision";
    public static final String REPORT_ACCEPTED = "accepted";
    public static final String REPORT_RETURNED = "returned";
    /** Why the office returned the report; it stays visible to the next review. */
    public static final String REPORT_RETURN_REASON = "reportReturnReason";
    /** One member of the leading team, per instance of the leaders' commitment task. */
    public static final String LEADER = "leader";
    public static final String REPORT = "selfInspectionReport";

    private SelfInspection() {
    }
  }

  /** Element ids of DepartmentRectificationPlanProcess (部门整改方案). */
  public static final class RectificationPlan {
    public static final String COLLECT_PLAN_ITEMS = "ServiceTask_CollectPlanItems";
    public static final String DRAFT_PLAN = "UserTask_DraftRectificationPlan";
    public static final String HEAD_APPROVES_PLAN = "UserTask_HeadApprovesRectificationPlan";
    public static final String RECORD_PLAN = "ServiceTask_RecordRectificationPlan";
    public static final String SUBMITTED = "EndEvent_PlanSubmitted";
    public static final String PLAN = "rectificationPlan";

    private RectificationPlan() {
    }
  }

  /** Element ids and variables of RectificationItemProcess (问题整改). */
  public static final class RectificationItem {
    public static final String DEFINE_MEASURE = "UserTask_DefineMeasure";
    public static final String REPORT_PROGRESS = "UserTask_ReportProgress";
    public static final String SUBMIT_COMPLETION_REPORT = "UserTask_SubmitCompletionReport";
    public static final String HEAD_APPROVES_COMPLETION_REPORT = "UserTask_HeadApprovesCompletionReport";
    public static final String VERIFY = "UserTask_VerifyRectification";
    public static final String PROBLEM_CLOSED = "EndEvent_ProblemClosed";

    public static final String PROBLEM_CODE = "problemCode";
    public static final String DEADLINE = "rectificationDeadline";
    /** The department's progress report: ongoing or done. */
    public static final String PROGRESS_STATUS = "progressStatus";
    public static final String ONGOING = "ongoing";
    public static final String DONE = "done";
    /** The office's check: verified or returned. */
    public static final String VERIFICATION_DECISION = "verificationDecision";
    public static final String VERIFIED = "verified";
    public static final String RETURNED = "returned";
    /** Why the office returned the completion report; the department's next report shows it. */
    public static final String VERIFICATION_COMMENT = "verificationComment";
    public static final String COMPLETION_REPORT = "completionReport";

    private RectificationItem() {
    }
  }

  /** Element ids of DepartmentConsolidationProcess (部门总结巩固). */
  public static final class Consolidation {
    public static final String SUBMIT_SUMMARY = "UserTask_SubmitSummary";
    public static final String HEAD_APPROVES_SUMMARY = "UserTask_HeadApprovesSummaryReport";
    public static final String ASSESS_DEPARTMENT = "UserTask_AssessDepartment";
    public static final String COMPLETED = "EndEvent_ConsolidationCompleted";
    public static final String SUMMARY = "summaryReport";

    private Consolidation() {
    }
  }

  /** Element ids and variables of RectificationCampaignProcess (整改活动). */
  public static final class Campaign {
    /** The four phases, each a sub-process. */
    public static final String MOBILIZATION_PHASE = "SubProcess_MobilizationPhase";
    public static final String RESEARCH_PHASE = "SubProcess_ResearchPhase";
    public static final String RECTIFICATION_PHASE = "SubProcess_RectificationPhase";
    public static final String CONSOLIDATION_PHASE = "SubProcess_ConsolidationPhase";
    /** Where the phases and the departments' work join before the campaign closes. */
    public static final String PHASES_JOIN = "Gateway_PhasesJoin";
    public static final String PREPARE = "ServiceTask_PrepareCampaign";
    public static final String RECORD_MOBILIZATION = "UserTask_RecordMobilization";
    public static final String RESEARCH_PHASE_STARTS = "TimerEvent_ResearchPhaseStarts";
    public static final String RECORD_RESEARCH_FINDING = "UserTask_RecordResearchFinding";
    public static final String REGISTER_RESEARCH_FINDING = "ServiceTask_RegisterResearchFinding";
    public static final String CHOOSE_SPOT_CHECK_SAMPLE = "UserTask_ChooseSpotCheckSample";
    public static final String DRAW_SPOT_CHECK_SAMPLE = "ServiceTask_DrawSpotCheckSample";
    public static final String SPOT_CHECK_DEPARTMENT = "SubProcess_SpotCheckDepartment";
    public static final String RECORD_SPOT_CHECK_FINDING = "UserTask_RecordSpotCheckFinding";
    public static final String REGISTER_SPOT_CHECK_FINDING = "ServiceTask_RegisterSpotCheckFinding";
    public static final String RESEARCH_PHASE_COMPLETED = "EndEvent_ResearchPhaseCompleted";
    public static final String RECTIFICATION_PHASE_STARTS = "TimerEvent_RectificationPhaseStarts";
    public static final String HOLD_SPECIAL_MEETING = "UserTask_HoldSpecialMeeting";
    public static final String APPROVE_RECTIFICATION_PLANS = "ServiceTask_ApproveRectificationPlans";
    public static final String CONCLUDE_RECTIFICATION_PHASE = "UserTask_ConcludeRectificationPhase";
    public static final String CONSOLIDATION_PHASE_STARTS = "TimerEvent_ConsolidationPhaseStarts";
    public static final String RECORD_CAMPAIGN_CLOSING = "UserTask_RecordCampaignClosing";
    public static final String START_DEPARTMENT_CAMPAIGNS = "ServiceTask_StartDepartmentCampaigns";
    public static final String DEPARTMENTS_FINISHED = "ConditionalEvent_DepartmentsFinished";
    public static final String CLOSED = "EndEvent_CampaignClosed";

    /** The office's (research) and the inspectors' (spot check) choice after each finding. */
    public static final String RESEARCH_ACTION = "researchAction";
    public static final String SPOT_CHECK_ACTION = "spotCheckAction";
    public static final String NO_FINDING = "none";
    public static final String RECORD_AND_CONTINUE = "recordAndContinue";
    public static final String RECORD_AND_FINISH = "recordAndFinish";
    public static final String SPOT_CHECK_DEPARTMENT_VARIABLE = "spotCheckDepartment";
    public static final String SPOT_CHECK_DEPARTMENT_NAME = "spotCheckDepartmentName";

    private Campaign() {
    }
  }

  /** Element ids of ProblemAssignmentProcess (问题交办). */
  public static final class ProblemAssignment {
    public static final String REGISTER = "ServiceTask_RegisterAssignedProblem";
    public static final String ASSIGNED = "EndEvent_ProblemAssigned";

    private ProblemAssignment() {
    }
  }

  private CampaignModel() {
  }
}
