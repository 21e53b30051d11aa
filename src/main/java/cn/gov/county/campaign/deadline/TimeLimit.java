package cn.gov.county.campaign.deadline;

/**
 * A time limit as the documents state it: so many working days (工作日) or so many days (天,
 * calendar days; a limit whose last day is a day off ends on the next working day, as Chinese
 * administrative deadlines do). Written {@code 5wd} (or plain {@code 5}) and {@code 10d} in
 * {@code campaign.deadlines.periods}.
 */
public record TimeLimit(int amount, boolean workingDays) {

  public TimeLimit {
    if (amount < 0) {
      throw new IllegalArgumentException("a time limit is 0 or more days: " + amount);
    }
  }

  /** "5", "5wd" → 5 working days; "10d" → 10 days. */
  static TimeLimit parse(String name, String text) {
    String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (value.endsWith("wd")) {
        return new TimeLimit(Integer.parseInt(value.substring(0, value.length() - 2).trim()), true);
      }
      if (value.endsWith("d")) {
        return new TimeLimit(Integer.parseInt(value.substring(0, value.length() - 1).trim()), false);
      }
      return new TimeLimit(Integer.parseInt(value), true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("campaign.deadlines.periods." + name
          + " must be working days (\"5wd\" or \"5\") or days (\"10d\"), is \"" + text + "\"", e);
    }
  }

  /** "5个工作日", "10天". */
  public String label() {
    return amount + (workingDays ? "个工作日" : "天");
  }

  @Override
  public String toString() {
    return amount + (workingDays ? "wd" : "d");
  }
}
