package cn.gov.county.campaign.organization;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A county's campaign organization as read from the organization file.
 *
 * @param county      the county's name
 * @param mailDomain  domain for people without an explicit e-mail address
 * @param bodies      the working bodies with fixed group ids (office, leading group, ...)
 * @param departments the departments (units) that take part in campaigns
 */
public record Organization(String county, String mailDomain, List<Body> bodies, List<Department> departments) {

  public Organization {
    bodies = bodies == null ? List.of() : List.copyOf(bodies);
    departments = departments == null ? List.of() : List.copyOf(departments);
  }

  /** A working body: a group with a fixed id and its members. */
  public record Body(String id, String name, String type, List<Person> members) {
    public Body {
      members = members == null ? List.of() : List.copyOf(members);
    }
  }

  /**
   * A department (unit) with its category, unit head and liaison; {@code superior} is the body a
   * vertically managed unit reports to (垂直管理部门的上级主管部门), optional; {@code leadersManagedBy}
   * is the body that manages the unit's leaders (干部管理权限): by default the county committee
   * (县委) for every unit but a vertically managed one, whose leaders its superior manages;
   * {@code deputies} are the other members of the leading team (班子成员), optional.
   */
  public record Department(String id, String name, UnitCategory category, Person head, Person liaison,
      String superior, String leadersManagedBy, List<Person> deputies) {

    public Department {
      deputies = deputies == null ? List.of() : List.copyOf(deputies);
    }

    public Department(String id, String name, UnitCategory category, Person head, Person liaison, String superior) {
      this(id, name, category, head, liaison, superior, null, null);
    }

    public Department(String id, String name, UnitCategory category, Person head, Person liaison, String superior,
        String leadersManagedBy) {
      this(id, name, category, head, liaison, superior, leadersManagedBy, null);
    }

    /** The leading team (领导班子): the head first, then the deputies. */
    public List<Person> leadingTeam() {
      return Stream.concat(Stream.of(head), deputies.stream()).toList();
    }

    /** Who manages the unit's leaders, as the file says or by default. */
    public String leadersManager() {
      if (leadersManagedBy != null && !leadersManagedBy.isBlank()) {
        return leadersManagedBy.strip();
      }
      if (category == UnitCategory.VERTICALLY_MANAGED) {
        return superior == null || superior.isBlank() ? "上级主管部门" : superior;
      }
      return COUNTY_COMMITTEE;
    }

    /** Whether the county's bodies decide on the unit's leaders (诫勉谈话, 组织处理). */
    public boolean leadersManagedByCounty() {
      return COUNTY_COMMITTEE.equals(leadersManager());
    }
  }

  /** The county committee, which manages the leaders of the county's own units (县管干部). */
  public static final String COUNTY_COMMITTEE = "县委";

  /** A person; {@code post} and {@code email} may be left out in the file. */
  public record Person(String id, String name, String post, String email) {
  }

  public Optional<Department> department(String id) {
    return departments.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<Body> body(String id) {
    return bodies.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Stream<Person> people() {
    return Stream.concat(
        bodies.stream().flatMap(b -> b.members().stream()),
        departments.stream().flatMap(d -> Stream.concat(Stream.of(d.head(), d.liaison()), d.deputies().stream())));
  }

  public String emailOf(Person person) {
    return person.email() != null ? person.email() : person.id() + "@" + mailDomain;
  }
}
