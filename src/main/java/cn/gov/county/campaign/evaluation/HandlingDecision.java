package cn.gov.county.campaign.evaluation;

import java.util.Arrays;

/** What the organization department decides for a flagged leader (the review form's options). */
enum HandlingDecision {
  TALK_REMINDER("talkReminder", "谈话提醒"), ADMONISHMENT_TALK("admonishmentTalk", "诫勉谈话"), ORGANIZATIONAL_ADJUSTMENT(
      "organizationalAdjustment", "组织调整"), NO_ORGANIZATIONAL_HANDLING("noOrganizationalHandling", "不作组织处理");

  private final String value;
  private final String label;

  HandlingDecision(String value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The value the review form stores. */
  String value() {
    return value;
  }

  String label() {
    return label;
  }

  /** The label of a stored value; the value itself if it is not one of ours; null for null. */
  static String labelOf(String value) {
    return value == null
        ? null
        : Arrays.stream(values()).filter(d -> d.value.equals(value))
            .map(HandlingDecision::label).findFirst().orElse(value);
  }
}
