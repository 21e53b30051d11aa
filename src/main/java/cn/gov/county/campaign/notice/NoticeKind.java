package cn.gov.county.campaign.notice;

/**
 * The documents the supervisory escalation issues, in rising order of severity, and the further
 * measures a supervision case may issue.
 */
public enum NoticeKind {
  REMINDER("催办通知"), SUPERVISION_NOTICE("督办通知单"), NAMED_CRITICISM("通报批评"), ADMONISHMENT_TALK(
      "诫勉谈话记录"), ORGANIZATIONAL_HANDLING("处理建议书"),
  /** For a vertically managed unit (垂直管理部门): the report to its superior. */
  REPORT_TO_SUPERIOR("情况报告"), CRITICISM_EDUCATION("批评教育通知"), RECTIFICATION_NOTICE("限期整改通知书"), SELF_CRITICISM_ORDER(
      "责令作出检查通知"), AWARD_DISQUALIFICATION("取消年度评优评奖资格决定"), MEDIA_EXPOSURE("媒体曝光记录"), MONTHLY_BULLETIN(
          "月度通报"), ANNUAL_ASSESSMENT("年度考核评比结果通报"), MEETING_MINUTES("会议纪要"), QUARTERLY_REPORT("季度情况报告");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  /** The Chinese name of the document. */
  public String label() {
    return label;
  }
}
