package cn.gov.county.campaign.organization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The unit categories departments are ranked within (seed 004; parks from seed 002). */
public enum UnitCategory {
  PARTY_AND_MASS("党群部门"), GOVERNMENT_FUNCTIONAL("政府职能部门"), VERTICALLY_MANAGED("垂直管理部门"), TOWNSHIP(
      "乡镇(街道)"), INDUSTRIAL_PARK("园区");

  private final String label;

  UnitCategory(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static UnitCategory fromLabel(String label) {
    for (UnitCategory category : values()) {
      if (category.label.equals(label) || category.name().equals(label)) {
        return category;
      }
    }
    throw new IllegalArgumentException("未知的单位类别: " + label);
  }
}
