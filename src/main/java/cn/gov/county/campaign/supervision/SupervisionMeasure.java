package cn.gov.county.campaign.supervision;

import static cn.gov.county.campaign.system.Groups.DISCIPLINE_INSPECTION;
import static cn.gov.county.campaign.system.Groups.OFFICE;
import static cn.gov.county.campaign.system.Groups.ORGANIZATION_DEPT;
import static cn.gov.county.campaign.system.Groups.SUPERVISION_OFFICE;

import cn.gov.county.campaign.notice.NoticeKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The measures a supervision case may issue (seed 000: 该批评教育的批评教育，该通报的点名通报，该诫勉的予以诫勉，
 * 该进行组织处理的坚决进行组织处理), each with the bodies whose authority it is (分级负责、归口管理).
 * {@code onCadres}: a measure on a person, decided by whoever manages that person's unit's
 * leaders; a vertically managed unit's leaders are managed by its superior, not by the county.
 */
public enum SupervisionMeasure {
  CRITICISM_EDUCATION("criticismEducation", "批评教育", NoticeKind.CRITICISM_EDUCATION,
      List.of(OFFICE, SUPERVISION_OFFICE, DISCIPLINE_INSPECTION), false), RECTIFICATION_NOTICE("rectificationNotice",
          "限期整改通知", NoticeKind.RECTIFICATION_NOTICE,
          List.of(OFFICE, SUPERVISION_OFFICE, DISCIPLINE_INSPECTION), false), SUPERVISION_NOTICE("supervisionNotice",
              "督办通知单", NoticeKind.SUPERVISION_NOTICE,
              List.of(OFFICE, SUPERVISION_OFFICE, DISCIPLINE_INSPECTION), false), NAMED_CRITICISM("namedCriticism",
                  "通报批评", NoticeKind.NAMED_CRITICISM, List.of(OFFICE, DISCIPLINE_INSPECTION),
                  false), ADMONISHMENT_TALK("admonishmentTalk", "诫勉谈话", NoticeKind.ADMONISHMENT_TALK,
                      List.of(DISCIPLINE_INSPECTION, ORGANIZATION_DEPT),
                      true), SELF_CRITICISM_ORDER("selfCriticismOrder", "责令作出书面检查", NoticeKind.SELF_CRITICISM_ORDER,
                          List.of(OFFICE, DISCIPLINE_INSPECTION), false), ORGANIZATIONAL_HANDLING(
                              "organizationalHandling", "组织处理建议", NoticeKind.ORGANIZATIONAL_HANDLING,
                              List.of(DISCIPLINE_INSPECTION, ORGANIZATION_DEPT), true), AWARD_DISQUALIFICATION(
                                  "awardDisqualification", "取消年度评优评奖资格", NoticeKind.AWARD_DISQUALIFICATION,
                                  List.of(OFFICE), false), MEDIA_EXPOSURE("mediaExposure", "媒体曝光",
                                      NoticeKind.MEDIA_EXPOSURE, List.of(OFFICE, DISCIPLINE_INSPECTION), false);

  private final String value;
  private final String label;
  private final NoticeKind noticeKind;
  private final List<String> bodies;
  private final boolean onCadres;

  SupervisionMeasure(String value, String label, NoticeKind noticeKind, List<String> bodies, boolean onCadres) {
    this.value = value;
    this.label = label;
    this.noticeKind = noticeKind;
    this.bodies = bodies;
    this.onCadres = onCadres;
  }

  /** The value forms and the DMN table use, e.g. {@code admonishmentTalk}. */
  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  NoticeKind noticeKind() {
    return noticeKind;
  }

  /** The working bodies that may decide this measure (group ids). */
  List<String> bodies() {
    return bodies;
  }

  boolean onCadres() {
    return onCadres;
  }

  /** Needs the department's written feedback (整改情况 or 书面检查), reviewed by the deciding body. */
  boolean wantsFeedback() {
    return this == RECTIFICATION_NOTICE || this == SELF_CRITICISM_ORDER;
  }

  public static Optional<SupervisionMeasure> of(String value) {
    return Stream.of(values()).filter(m -> m.value.equals(value)).findFirst();
  }
}
