package cn.gov.county.campaign.notice;

import java.time.LocalDate;

/**
 * A notice as issued.
 *
 * @param number the document number (文号), e.g. {@code ZG-2026-7K3P〔2026〕3号}
 * @param url        where the printable document is: {@code /campaign/notices/{id}}
 * @param circulated circulated to every unit (通报), so every unit may read it
 */
public record IssuedNotice(long id, String number, NoticeKind kind, String title, LocalDate issuedOn,
    String department, String url, boolean circulated) {
}
