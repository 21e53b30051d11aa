package cn.gov.county.campaign.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One complaint as its record shows it, read from history.
 *
 * @param number             the campaign's complaint number, e.g. {@code ZG-2026-K7Q2-TS-01}
 * @param source             a {@link ComplaintSource} name; {@code sourceLabel} its Chinese label
 * @param registeredBy       the office user who registered it; {@code registeredAt} when
 * @param verifiedBy         the discipline inspector who completed the verification; null while pending
 * @param substantiated      true 属实, false 不属实, null while not yet verified
 * @param problemCode        the department's problem it became (substantiated only), else null
 * @param rectified          that problem's RectificationItemProcess ended at 问题已销号
 * @param status             where the complaint stands, in Chinese (待核实, 不属实，已了结, 属实，整改中, 属实，已整改销号, …)
 */
public record ComplaintRecord(String number, String campaignCode, String department, String departmentName,
    String source, String sourceLabel, String content, LocalDate receivedOn, String registeredBy, Instant registeredAt,
    String verifiedBy, Instant verifiedAt, Boolean substantiated, String verificationReason, String problemCode,
    boolean rectified, Instant rectifiedAt, String status, String processInstanceId) {

  public boolean isSubstantiated() {
    return Boolean.TRUE.equals(substantiated);
  }
}
