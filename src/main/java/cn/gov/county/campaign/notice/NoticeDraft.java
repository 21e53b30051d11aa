package cn.gov.county.campaign.notice;

import java.time.LocalDate;

/**
 * A notice before it gets its number.
 *
 * @param campaignCode      the campaign it belongs to; its code prefixes the number
 * @param issuer            the issuing body's name (发文机关), e.g. 县委督查室
 * @param addressee         the body it is addressed to (主送机关), e.g. 县财政局
 * @param body              plain text; paragraphs separated by line breaks
 * @param department        the department group id the notice concerns (it may read the notice), or null
 * @param processInstanceId the escalation instance that issued it, or null
 * @param issuedBy          the user who issued it, or null when a process did
 */
public record NoticeDraft(String campaignCode, NoticeKind kind, String issuer, String addressee, String title,
    String body, LocalDate issuedOn, String department, String processInstanceId, String issuedBy) {

  public NoticeDraft {
    require(campaignCode, "活动编号");
    require(kind, "文书种类");
    require(issuer, "发文机关");
    require(addressee, "主送机关");
    require(title, "标题");
    require(body, "正文");
    require(issuedOn, "成文日期");
  }

  private static void require(Object value, String what) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalArgumentException("文书缺少" + what);
    }
  }
}
