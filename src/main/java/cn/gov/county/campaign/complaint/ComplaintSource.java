package cn.gov.county.campaign.complaint;

import java.util.Arrays;
import java.util.Optional;

/** How a complaint reached the office (the values of the registration form's 投诉举报来源). */
public enum ComplaintSource {
  hotline("12345热线"), letter("来信"), visit("来访"), online("网络平台"), inspection("监督检查"), publicity("公示反馈"), other("其他");

  private final String label;

  ComplaintSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ComplaintSource> of(String name) {
    return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
  }
}
