package cn.gov.county.campaign.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One year's votes on one leader. Shares are percentages for people to read (two decimals); the
 * thresholds are decided on the integer counts in DemocraticEvaluationDecision.dmn, never on a
 * rounded share.
 */
record Votes(int competent, int basicallyCompetent, int incompetent) {

  int total() {
    return competent + basicallyCompetent + incompetent;
  }

  int basicOrIncompetent() {
    return basicallyCompetent + incompetent;
  }

  BigDecimal basicOrIncompetentShare() {
    return percent(basicOrIncompetent(), total());
  }

  BigDecimal incompetentShare() {
    return percent(incompetent, total());
  }

  /** {@code part} of {@code total} in percent, two decimals; null when there were no votes. */
  static BigDecimal percent(int part, int total) {
    if (total <= 0) {
      return null;
    }
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(total), 2,
        RoundingMode.HALF_UP);
  }

  /** "10 票 / 30 票（33.33%）" */
  static String shareText(int part, int total) {
    BigDecimal share = percent(part, total);
    return part + " 票 / " + total + " 票（" + (share == null ? "-" : share.toPlainString() + "%") + "）";
  }

  /** An integer vote count from a variable that a form or a REST client stored as any number type. */
  static int count(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).intValueExact();
    }
    throw new IllegalArgumentException("Not a vote count: " + value);
  }
}
