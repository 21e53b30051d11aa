package cn.gov.county.campaign.system;

import java.util.List;

/**
 * Where a user who met an error page may go instead, beyond Tasklist and the review workspace
 * ({@link ErrorPages} asks every such bean): a department's users, for example, to their unit's
 * record pages (record.RecordErrorPageLinks).
 */
public interface ErrorPageLinks {

  /** Further pages for the user, in the order shown. */
  List<Link> linksFor(String userId, List<String> groupIds);

  /** A page: its address and what the link says. */
  record Link(String href, String label) {
  }
}
