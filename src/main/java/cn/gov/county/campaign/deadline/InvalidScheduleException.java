package cn.gov.county.campaign.deadline;

/**
 * A holiday schedule that is refused, with the reason in Chinese for the office and in English
 * for the log; both name the file and the entry at fault.
 */
class InvalidScheduleException extends RuntimeException {

  private final String chinese;

  InvalidScheduleException(String chinese, String english) {
    super(chinese + " / " + english);
    this.chinese = chinese;
  }

  String chinese() {
    return chinese;
  }
}
