package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.DeployedFormOptions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The organization file's departments as the options of every form field marked {@code
 * "properties": {"options": "departments"}} (情况报送, 整改活动, 问题交办): an office that loads its own
 * county's organization gets its own departments in the forms, and the server-side validation
 * checks against them.
 */
@Component
public class DepartmentFormOptions implements DeployedFormOptions {

  public static final String MARK = "departments";

  private final Organization organization;

  public DepartmentFormOptions(Organization organization) {
    this.organization = organization;
  }

  @Override
  public String mark() {
    return MARK;
  }

  @Override
  public List<Option> options() {
    return organization.departments().stream().map(d -> new Option(d.name(), d.id())).toList();
  }
}
