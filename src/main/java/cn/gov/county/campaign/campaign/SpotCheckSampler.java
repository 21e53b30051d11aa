package cn.gov.county.campaign.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which departments discipline inspection spot-checks. A random draw is reproducible: the same
 * departments, size and seed always give the same sample, so the recorded seed proves the draw.
 */
final class SpotCheckSampler {

  private SpotCheckSampler() {
  }

  /** Shuffles the departments in their given order with the seed and takes the first {@code size}. */
  static List<String> random(List<String> departments, int size, long seed) {
    List<String> shuffled = new ArrayList<>(departments);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.max(0, Math.min(size, shuffled.size()))));
  }

  /** The designated departments that take part, in the campaign's order. */
  static List<String> designated(List<String> departments, Collection<String> designated) {
    return departments.stream().filter(designated::contains).toList();
  }
}
