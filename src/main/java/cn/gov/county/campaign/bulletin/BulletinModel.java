package cn.gov.county.campaign.bulletin;

/** Names shared by MonthlyBulletinProcess, QuarterlyReportProcess, their forms and code. */
public final class BulletinModel {

  public static final String PROCESS = "MonthlyBulletinProcess";
  public static final String REQUESTED_MESSAGE = "MonthlyBulletinRequested";
  public static final String APPROVE = "UserTask_ApproveMonthlyBulletin";

  public static final String QUARTERLY_PROCESS = "QuarterlyReportProcess";
  public static final String QUARTERLY_REQUESTED_MESSAGE = "QuarterlyReportRequested";
  public static final String APPROVE_QUARTERLY = "UserTask_ApproveQuarterlyReport";
  /** The processes that report on a running campaign (their instances carry its code as business key). */
  public static final java.util.List<String> REPORTS = java.util.List.of(PROCESS, QUARTERLY_PROCESS);

  /** The quarter a report covers, {@code yyyy-Qn}. */
  public static final String QUARTER = "reportQuarter";

  public static final String CAMPAIGN_CODE = "campaignCode";
  /** The month a bulletin reports on, {@code yyyy-MM}. */
  public static final String MONTH = "bulletinMonth";
  public static final String ROWS = "bulletinRows";

  // element ids and variables of MonthlyBulletinProcess
  public static final String MONTH_BEGINS = "StartEvent_MonthBegins";
  public static final String REQUEST_BULLETINS = "ServiceTask_RequestMonthlyBulletins";
  public static final String BULLETINS_REQUESTED_END = "EndEvent_BulletinsRequested";
  public static final String DRAFT_BULLETIN = "ServiceTask_DraftMonthlyBulletin";
  public static final String ISSUE_BULLETIN = "ServiceTask_IssueMonthlyBulletin";
  public static final String BULLETIN_NOT_REPEATED_END = "EndEvent_BulletinNotRepeated";
  public static final String BULLETIN_ISSUED_END = "EndEvent_BulletinIssued";
  public static final String BULLETIN_ALREADY_ISSUED = "bulletinAlreadyIssued";
  public static final String BULLETIN_TITLE = "bulletinTitle";

  // element ids and variables of QuarterlyReportProcess
  public static final String QUARTER_BEGINS = "StartEvent_QuarterBegins";
  public static final String REQUEST_REPORTS = "ServiceTask_RequestQuarterlyReports";
  public static final String REPORTS_REQUESTED_END = "EndEvent_ReportsRequested";
  public static final String DRAFT_REPORT = "ServiceTask_DraftQuarterlyReport";
  public static final String ISSUE_REPORT = "ServiceTask_IssueQuarterlyReport";
  public static final String REPORT_NOT_REPEATED_END = "EndEvent_ReportNotRepeated";
  public static final String REPORT_ISSUED_END = "EndEvent_ReportIssued";
  public static final String REPORT_ALREADY_ISSUED = "reportAlreadyIssued";
  public static final String REPORT_TITLE = "reportTitle";

  /** Set when a bulletin or report is issued: its notice number. */
  public static final String NOTICE_NUMBER = "noticeNumber";

  private BulletinModel() {
  }
}
