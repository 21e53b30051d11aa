package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.EngineInternals;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people of a unit: the users in its group (head, liaison, leading-team members and whoever
 * the administrator adds), by name. A problem's responsible person (责任人) is one of them, chosen
 * from a list in the forms and checked again on the server.
 */
@Component
public class UnitPeople {

  /** One person: the name is the value forms store, the label adds the post. */
  public record UnitPerson(String name, String label) {
  }

  private final IdentityService identity;

  UnitPeople(IdentityService identity) {
    this.identity = identity;
  }

  /** The unit's people in name order; read without the caller's authorization (names and posts are no secret inside the county). */
  public List<UnitPerson> of(String department) {
    if (department == null || department.isBlank()) {
      return List.of();
    }
    return EngineInternals.withoutUser(identity, () -> identity.createUserQuery().memberOfGroup(department)
        .orderByUserFirstName().asc().list().stream()
        .filter(user -> user.getFirstName() != null && !user.getFirstName().isBlank())
        .map(UnitPeople::person)
        .distinct()
        .toList());
  }

  /** Whether a person of this name belongs to the unit. */
  public boolean isMember(String department, String name) {
    return name != null && of(department).stream().anyMatch(person -> person.name().equals(name.strip()));
  }

  private static UnitPerson person(User user) {
    String post = user.getLastName() == null || user.getLastName().isBlank() ? "" : "（" + user.getLastName() + "）";
    return new UnitPerson(user.getFirstName().strip(), user.getFirstName().strip() + post);
  }
}
