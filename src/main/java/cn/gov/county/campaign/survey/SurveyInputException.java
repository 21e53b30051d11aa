package cn.gov.county.campaign.survey;

import java.util.List;

/** Survey results that cannot be taken: every problem found, each naming its row and column. */
public class SurveyInputException extends RuntimeException {

  private final List<String> problems;

  public SurveyInputException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
