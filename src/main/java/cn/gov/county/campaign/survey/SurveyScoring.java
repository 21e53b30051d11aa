package cn.gov.county.campaign.survey;

import cn.gov.county.campaign.organization.Organization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores and ranks one survey round (docs/campaign-reference.md "Satisfaction surveys").
 *
 * <p>Score: the points of the counted answers divided by the number of counted answers, so 0–100
 * with the standard scale; answers not counted (不了解) are left out. Departments are ranked within
 * their unit category: the higher score ranks first; on equal scores the smaller share of the
 * lowest answer (不满意) ranks first; departments equal in both share the rank. A shared rank is
 * shared from both ends: two departments tied for last are both "last" (rank from the bottom 1).
 * Scores are compared exactly as fractions; the two decimals shown are for reading only.
 */
public final class SurveyScoring {

  /** One department's answers in a round. */
  public record Entry(Organization.Department department, Map<String, Long> counts) {
  }

  /**
   * One department's place in its category.
   *
   * @param rank           1 = best in the category; tied departments share it
   * @param rankFromBottom 1 = last in the category; tied departments share it
   */
  public record Ranked(String department, String departmentName, String unitCategory, Map<String, Long> counts,
      long validAnswers, BigDecimal score, int rank, int rankFromBottom, int categorySize) {
  }

  private SurveyScoring() {
  }

  /** The ranking in category order (as in the organization file), then by rank. */
  public static List<Ranked> rank(SurveyScale scale, List<Entry> entries) {
    Map<String, List<Entry>> byCategory = new LinkedHashMap<>();
    entries.stream().sorted(Comparator.comparingInt(e -> e.department().category().ordinal()))
        .forEach(e -> byCategory.computeIfAbsent(e.department().category().label(), c -> new ArrayList<>()).add(e));
    List<Ranked> ranking = new ArrayList<>();
    byCategory.forEach((category, members) -> {
      List<Scored> scored = members.stream().map(e -> Scored.of(scale, e)).toList();
      List<Ranked> ranked = new ArrayList<>();
      for (Scored s : scored) {
        int better = (int) scored.stream().filter(o -> o.compareTo(s) < 0).count();
        int worse = (int) scored.stream().filter(o -> o.compareTo(s) > 0).count();
        ranked.add(new Ranked(s.entry.department().id(), s.entry.department().name(), category, s.entry.counts(),
            s.valid, s.score(), better + 1, worse + 1, scored.size()));
      }
      ranked.sort(Comparator.comparingInt(Ranked::rank));
      ranking.addAll(ranked);
    });
    return ranking;
  }

  /** Score and lowest-answer share as exact fractions over the counted answers. */
  private record Scored(Entry entry, BigDecimal points, long lowest, long valid) implements Comparable<Scored> {

    static Scored of(SurveyScale scale, Entry entry) {
      BigDecimal points = BigDecimal.ZERO;
      long valid = 0;
      for (SurveyScale.Answer answer : scale.counted()) {
        long n = entry.counts().getOrDefault(answer.answer(), 0L);
        points = points.add(answer.weight().multiply(BigDecimal.valueOf(n)));
        valid += n;
      }
      if (valid == 0) {
        throw new IllegalArgumentException(entry.department().name() + " has no counted answers");
      }
      return new Scored(entry, points, entry.counts().getOrDefault(scale.lowest().answer(), 0L), valid);
    }

    BigDecimal score() {
      return points.divide(BigDecimal.valueOf(valid), 2, RoundingMode.HALF_UP);
    }

    /** Negative when this one ranks before the other. */
    @Override
    public int compareTo(Scored other) {
      int byScore = other.points.multiply(BigDecimal.valueOf(valid))
          .compareTo(points.multiply(BigDecimal.valueOf(other.valid)));
      if (byScore != 0) {
        return byScore;
      }
      return Long.compare(lowest * other.valid, other.lowest * valid);
    }
  }
}
