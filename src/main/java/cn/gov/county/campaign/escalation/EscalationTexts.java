package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.organization.Organization;

/**
 * The draft of each step's document, in the words of the seeds; the issuing body may adjust it
 * before it is issued.
 */
final class EscalationTexts {

  /** What a draft is about. */
  record Case(String campaignName, Organization.Department department, String taskName, String dueDateText,
      int workingDaysOverdue, String today, String feedbackDue) {
  }

  record Draft(String addressee, String title, String body) {
  }

  private EscalationTexts() {
  }

  static Draft draft(EscalationStep step, Case c) {
    String dept = c.department().name();
    String head = c.department().head().name();
    String facts = "根据「" + c.campaignName() + "」的安排，" + dept + "应于" + c.dueDateText() + "前完成「" + c.taskName()
        + "」。截至" + c.today() + "，该项工作已逾期" + c.workingDaysOverdue() + "个工作日，仍未办结。";
    return switch (step) {
      case REMINDER -> new Draft(dept, "关于催办" + dept + "「" + c.taskName() + "」的通知",
          facts + "\n现予催办。请你单位高度重视，立即办理，按要求报送。");
      case SUPERVISION_NOTICE -> new Draft(dept, "关于" + dept + "逾期未完成「" + c.taskName() + "」的督办通知单",
          facts + "经催办仍未办结。\n根据活动督查工作要求，现予督办。请你单位主要负责人亲自过问，立即办结，并于"
              + c.feedbackDue() + "前将逾期原因、目前进展和完成时间书面反馈。\n逾期不反馈或仍未办结的，将予以通报批评。");
      case NAMED_CRITICISM -> new Draft("各部门、各单位，各乡镇（街道）",
          "关于对" + dept + "予以通报批评的通报",
          facts + "经催办、督办仍未办结，影响了活动的整体进度。\n为严肃活动纪律，经研究，决定对" + dept
              + "予以通报批评。希望" + dept + "认真反思，立即整改，按要求完成各项工作。\n各部门、各单位要引以为戒，"
              + "坚持限时办结，确保活动各项任务按期完成。");
      case ADMONISHMENT_TALK -> new Draft(dept + "主要负责人" + head + "同志",
          "关于对" + dept + "主要负责人" + head + "同志进行诫勉谈话的记录",
          facts + "经催办、督办、通报批评仍未办结。\n根据干部管理有关规定，对" + dept + "主要负责人" + head
              + "同志进行诫勉谈话。\n谈话情况：（请记录谈话的主要内容和本人表态）");
      case ORGANIZATIONAL_HANDLING -> new Draft("县委",
          "关于对" + dept + "主要负责人" + head + "同志进行组织处理的建议书",
          facts + "经催办、督办、通报批评和对主要负责人诫勉谈话，仍未办结。\n按照分级负责、归口管理的原则和干部管理权限，"
              + "建议对" + dept + "主要负责人" + head + "同志及相关责任人进行组织处理，并取消" + dept + "本年度评优评奖资格。");
      case REPORT_TO_SUPERIOR -> new Draft(superiorOf(c.department()),
          "关于" + dept + "在作风建设活动中逾期未完成工作任务的情况报告",
          facts + "经催办、督办、通报批评和对主要负责人诫勉谈话，仍未办结。\n" + dept
              + "系垂直管理部门，现将有关情况报告贵单位，建议对该单位主要负责人" + head
              + "同志及相关责任人进行批评教育并督促整改，取消其本年度评优评奖资格。");
    };
  }

  /**
   * The draft for a confirmed satisfaction-survey consequence (seed 004): {@code facts} states the
   * round, the score and the place from the bottom; {@code measuresWithin} the time limit for the
   * measures ("10天").
   */
  static Draft surveyDraft(EscalationStep step, Organization.Department department, String facts,
      String measuresWithin) {
    String dept = department.name();
    String head = department.head().name();
    return switch (step) {
      case ADMONISHMENT_TALK -> new Draft(dept + "主要负责人" + head + "同志",
          "关于对" + dept + "主要负责人" + head + "同志进行诫勉谈话的记录",
          facts + "\n根据活动关于满意度测评结果运用的规定，对" + dept + "主要负责人" + head
              + "同志进行诫勉谈话，责成" + dept + "限期整改：" + measuresWithin + "内提出整改措施，并向社会公开承诺。"
              + "\n谈话情况：（请记录谈话的主要内容和本人表态）");
      case ORGANIZATIONAL_HANDLING -> new Draft("县委",
          "关于对" + dept + "主要负责人" + head + "同志进行组织处理的建议书",
          facts + "\n根据活动关于满意度测评结果运用的规定，两次满意度测评排名后位的，对主要领导和相关责任人进行组织处理。"
              + "按照分级负责、归口管理的原则和干部管理权限，建议对" + dept + "主要负责人" + head
              + "同志及相关责任人进行组织处理，并取消" + dept + "本年度评优评奖资格。");
      case REPORT_TO_SUPERIOR -> new Draft(superiorOf(department),
          "关于" + dept + "作风建设满意度测评结果的情况报告",
          facts + "\n" + dept + "系垂直管理部门，两次满意度测评均处于最后一名。现将测评结果报告贵单位，建议对该单位主要负责人"
              + head + "同志及相关责任人作组织处理。");
      default -> new Draft(dept, "关于" + dept + "满意度测评结果的" + step.label(), facts);
    };
  }

  static String superiorOf(Organization.Department department) {
    return department.superior() != null ? department.superior() : department.name() + "的上级主管部门";
  }
}
