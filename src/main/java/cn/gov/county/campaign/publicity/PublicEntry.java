package cn.gov.county.campaign.publicity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One published entry: a commitment (the unit's, a leader's, a staff member's) or a closed
 * problem's rectification result, on the public page from {@code publishedOn} to {@code publicityUntil}.
 */
public record PublicEntry(long id, String campaignCode, String department, String departmentName, Kind kind,
    String personName, String post, String content, String signedBy, LocalDateTime signedAt, LocalDate publishedOn,
    LocalDate publicityUntil) {

  /** What was published, with its Chinese name. */
  public enum Kind {
    unit("单位承诺书"), leader("班子成员承诺"), staff("干部职工承诺"), rectification("整改结果");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether the public may see it on this day. */
  public boolean onPublicNotice(LocalDate day) {
    return publishedOn != null && !day.isBefore(publishedOn) && publicityUntil != null && !day.isAfter(publicityUntil);
  }
}
