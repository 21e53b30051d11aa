package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.notice.NoticeKind;
import cn.gov.county.campaign.system.Groups;

/**
 * The supervisory escalation ladder (seeds 000, 002, 004) in rising order of severity, with the
 * body that issues each step. Which step comes next is decided by SupervisoryEscalationDecision.dmn.
 */
public enum EscalationStep {

  REMINDER(1, "催办", Groups.SUPERVISION_OFFICE, NoticeKind.REMINDER), SUPERVISION_NOTICE(2, "督办通知单",
      Groups.SUPERVISION_OFFICE, NoticeKind.SUPERVISION_NOTICE), NAMED_CRITICISM(3, "通报批评", Groups.OFFICE,
          NoticeKind.NAMED_CRITICISM), ADMONISHMENT_TALK(4, "诫勉谈话", Groups.DISCIPLINE_INSPECTION,
              NoticeKind.ADMONISHMENT_TALK), ORGANIZATIONAL_HANDLING(5, "组织处理建议", Groups.ORGANIZATION_DEPT,
                  NoticeKind.ORGANIZATIONAL_HANDLING), REPORT_TO_SUPERIOR(5, "报告上级主管部门", Groups.OFFICE,
                      NoticeKind.REPORT_TO_SUPERIOR);

  /** The DMN input for a department that has received no step in the campaign yet. */
  public static final String NONE = "NONE";

  private final int rank;
  private final String label;
  private final String issuingGroup;
  private final NoticeKind noticeKind;

  EscalationStep(int rank, String label, String issuingGroup, NoticeKind noticeKind) {
    this.rank = rank;
    this.label = label;
    this.issuingGroup = issuingGroup;
    this.noticeKind = noticeKind;
  }

  public int rank() {
    return rank;
  }

  public String label() {
    return label;
  }

  public String issuingGroup() {
    return issuingGroup;
  }

  public NoticeKind noticeKind() {
    return noticeKind;
  }

  /** From the supervision notice on, the unit head is told too (first-responsibility). */
  public boolean reachesUnitHead() {
    return rank >= SUPERVISION_NOTICE.rank;
  }
}
