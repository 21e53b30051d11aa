package cn.gov.county.campaign.system;

import java.util.List;

/**
 * The group ids of the working bodies, fixed whatever county loads its organization file, and the
 * prefix of every department's group id. Code, models and tests name groups by these.
 */
public final class Groups {

  /** 系统管理员: Camunda's administrators. */
  public static final String ADMINS = "camunda-admin";
  /** 领导小组办公室: launches and steers campaigns. */
  public static final String OFFICE = "campaign-office";
  /** 领导小组: special meetings, joint meetings. */
  public static final String LEADING_GROUP = "leading-group";
  /** 纪委监委: spot checks, complaints, admonishment talks. */
  public static final String DISCIPLINE_INSPECTION = "discipline-inspection";
  /** 督查室: urging and supervision notices. */
  public static final String SUPERVISION_OFFICE = "supervision-office";
  /** 组织部: organizational handling, democratic evaluation. */
  public static final String ORGANIZATION_DEPT = "organization-dept";
  /** 审计组: read everything, change nothing. */
  public static final String AUDITORS = "auditors";

  /** Every working body's group, as the organization file must name them. */
  public static final List<String> WORKING_BODIES = List.of(ADMINS, OFFICE, LEADING_GROUP, DISCIPLINE_INSPECTION,
      SUPERVISION_OFFICE, ORGANIZATION_DEPT, AUDITORS);

  /** Every department's (unit's) group id starts with this: {@code dept-finance}. */
  public static final String DEPARTMENT_PREFIX = "dept-";

  private Groups() {
  }
}
