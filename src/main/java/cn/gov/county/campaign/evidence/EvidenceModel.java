package cn.gov.county.campaign.evidence;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.supervision.SupervisionModel;
import java.util.Set;

/** The tasks on which evidence files are uploaded (佐证材料); every task of an instance shows them to its readers. */
final class EvidenceModel {

  /** A task of a process, as "processKey#taskKey". */
  private static final Set<String> ACCEPTING = Set.of(
      // the department's completion report (办结报告) and the office's check record (核查整改情况)
      CampaignModel.RECTIFICATION_ITEM_PROCESS + "#UserTask_SubmitCompletionReport",
      CampaignModel.RECTIFICATION_ITEM_PROCESS + "#UserTask_VerifyRectification",
      // written feedback on a supervision case's measure (报送书面反馈)
      SupervisionModel.PROCESS + "#" + SupervisionModel.SUBMIT_FEEDBACK,
      // written feedback on a supervision notice of the escalation ladder (书面反馈督办事项)
      "SupervisoryEscalationProcess#UserTask_SubmitSupervisionFeedback");

  static final String DEPARTMENT = CampaignModel.DEPARTMENT;
  static final String CAMPAIGN_CODE = CampaignModel.CAMPAIGN_CODE;

  private EvidenceModel() {
  }

  static boolean accepts(String processDefinitionKey, String taskDefinitionKey) {
    return ACCEPTING.contains(processDefinitionKey + "#" + taskDefinitionKey);
  }
}
