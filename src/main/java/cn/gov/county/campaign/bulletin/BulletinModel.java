package cn.gov.county.campaign.bulletin;

/** Names shared by MonthlyBulletinProcess, its form and code. */
public final class BulletinModel {

  public static final String PROCESS = "MonthlyBulletinProcess";
  public static final String REQUESTED_MESSAGE = "MonthlyBulletinRequested";
  public static final String APPROVE = "UserTask_ApproveMonthlyBulletin";

  public static final String CAMPAIGN_CODE = "campaignCode";
  /** The month a bulletin reports on, {@code yyyy-MM}. */
  public static final String MONTH = "bulletinMonth";
  public static final String ROWS = "bulletinRows";

  private BulletinModel() {
  }
}
