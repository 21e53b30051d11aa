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

  private BulletinModel() {
  }
}
