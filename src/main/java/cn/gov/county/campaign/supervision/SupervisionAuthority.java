package cn.gov.county.campaign.supervision;

import cn.gov.county.campaign.organization.Organization;
import cn.gov.county.campaign.organization.UnitCategory;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may decide a measure (分级负责、归口管理): the measure's bodies ({@link SupervisionMeasure#bodies}),
 * and for a measure on cadres only where the county manages the unit's leaders. The organization
 * file says which ({@code leadersManagedBy}; by default the county committee, and for a vertically
 * managed unit its superior); the county's bodies report to another manager instead.
 */
@Component
class SupervisionAuthority {

  private final Organization organization;

  SupervisionAuthority(Organization organization) {
    this.organization = organization;
  }

  /** The deciding body among the user's groups, or why the user may not decide this measure (Chinese). */
  Decision decide(SupervisionMeasure measure, Collection<String> userGroups, String department) {
    Optional<String> body = measure.bodies().stream().filter(userGroups::contains).findFirst();
    if (body.isEmpty()) {
      String own = userGroups.stream().map(g -> organization.body(g).map(Organization.Body::name).orElse(null))
          .filter(name -> name != null).findFirst().orElse("您所在的单位");
      return Decision.refused("「处理措施」" + measure.label() + "须由"
          + measure.bodies().stream().map(this::bodyName).collect(Collectors.joining("或")) + "决定，" + own + "无此权限");
    }
    Organization.Department unit = organization.department(department).orElse(null);
    if (measure.onCadres() && unit != null && !unit.leadersManagedByCounty()) {
      String manager = unit.leadersManager();
      return Decision.refused("「处理措施」" + unit.name() + (unit.category() == UnitCategory.VERTICALLY_MANAGED
          ? "是垂直管理部门，其干部"
          : "的干部") + "由" + manager + "管理，" + measure.label() + "不能由县里决定，请选择其他措施并向"
          + manager + "通报情况");
    }
    return new Decision(body.get(), null);
  }

  String bodyName(String groupId) {
    return organization.body(groupId).map(Organization.Body::name).orElse(groupId);
  }

  /** @param body the deciding body's group id, or null when refused; {@code refusal} says why */
  record Decision(String body, String refusal) {
    static Decision refused(String why) {
      return new Decision(null, why);
    }
  }
}
