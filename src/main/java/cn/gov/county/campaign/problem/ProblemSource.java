package cn.gov.county.campaign.problem;

/** Where a problem on a department's list came from. */
public enum ProblemSource {
  selfInspection("自查自纠"), forum("座谈会"), questionnaire("问卷调查"), democraticEvaluation("民主测评"), interview(
      "个别访谈"), spotCheck(
          "纪检抽查"), office("办公室交办"), research("调查研究"), complaint("群众投诉"), satisfactionSurvey("满意度测评"), meeting("例会决定");

  private final String label;

  ProblemSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
