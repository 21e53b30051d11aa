package cn.gov.county.campaign.notice;

/** The documents the supervisory escalation issues, in rising order of severity. */
public enum NoticeKind {
  REMINDER("催办通知"),
  SUPERVISION_NOTICE("督办通知单"),
  NAMED_CRITICISM("通报批评"),
  ADMONISHMENT_TALK("诫勉谈话记录"),
  ORGANIZATIONAL_HANDLING("处理建议书"),
  /** For a vertically managed unit (垂直管理部门): the report to its superior. */
  REPORT_TO_SUPERIOR("情况报告");

  private final String label;

  NoticeKind(String label) {
    this.label = label;
  }

  /** The Chinese name of the document. */
  public String label() {
    return label;
  }
}
