package cn.gov.county.campaign.audit;

import java.util.SortedMap;

/**
 * A history event as the chain records it, copied when the engine hands the event over (the
 * engine reuses and changes its event objects within a command).
 *
 * @param campaignHint a campaign code this event names for its root instance: the business key of
 *     the root instance, or the value of a variable {@code campaignCode}; null when it names none
 * @param hintIsVariable whether the hint is the variable (always a campaign) rather than a business
 *     key (a campaign only if it is a campaign's code)
 */
record AuditEvent(AuditKind kind, String eventType, String rowId, String rootId, String processInstanceId,
    SortedMap<String, String> fields, String campaignHint, boolean hintIsVariable) {
}
