package cn.gov.county.campaign.urging;

import java.time.Instant;

/**
 * One task a unit was urged about (催办): as the department reads it on the task
 * ({@code GET /campaign/api/tasks/{taskId}/urgings}) and the office in the ledger.
 *
 * @param urgingId    the click: every task of one urging shares it
 * @param urgedBy     the office member's user id
 * @param urgedByName his name as in the organization file
 * @param text        the sentence the department reads, e.g. 领导小组办公室（王主任）于2026-08-21 10:00催办「制定工作方案」，请抓紧办理。
 */
public record Urging(String id, String urgingId, String campaignCode, String department, String departmentName,
    String taskId, String taskName, String processInstanceId, Instant dueAt, String urgedBy, String urgedByName,
    Instant urgedAt, String text) {
}
