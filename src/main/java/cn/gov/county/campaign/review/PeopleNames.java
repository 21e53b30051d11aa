package cn.gov.county.campaign.review;

import cn.gov.county.campaign.organization.Organization;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * User ids as reviewers read them: the person's name from the organization file ({@code 李明}),
 * the engine's own accounts in Chinese, anything else (an id of someone no longer in the file) as it is.
 */
@Component
class PeopleNames {

  private final Map<String, String> names = new HashMap<>();

  PeopleNames(Organization organization) {
    organization.people().forEach(p -> names.putIfAbsent(p.id(), p.name()));
    names.putIfAbsent("admin", "系统管理员");
  }

  /** Every known user id with the name, for the workspace to show names instead of ids. */
  Map<String, String> all() {
    return Map.copyOf(names);
  }

  /** The name, or the id itself when unknown; null for null. */
  String nameOf(String userId) {
    return userId == null ? null : names.getOrDefault(userId, userId);
  }
}
