package cn.gov.county.campaign.escalation;

import cn.gov.county.campaign.notification.Notification;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.CampaignProperties;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The Chinese text of the notifications about department and working-body tasks and escalation steps. */
@Component
class Messages {

  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final CampaignProperties properties;

  Messages(CampaignProperties properties) {
    this.properties = properties;
  }

  static String dayAndTime(Date date) {
    return date == null ? "未设定" : DAY_AND_TIME.format(date.toInstant().atZone(CampaignDates.CHINA));
  }

  static String day(Date date) {
    return DAY.format(date.toInstant().atZone(CampaignDates.CHINA));
  }

  Notification taskCreated(DepartmentTask task) {
    return new Notification("task-created:" + task.taskId(), task.campaignCode(), task.department().id(),
        "【待办】" + task.name() + "（" + campaign(task) + "）",
        task.department().name() + "：\n"
            + "　　您单位在「" + campaign(task) + "」中有一项新的待办任务。\n"
            + "　　任务：" + task.name() + "\n"
            + "　　办理时限：" + dayAndTime(task.dueDate()) + "\n"
            + "　　请登录整改活动任务列表办理。",
        properties.taskLink(task.taskId()));
  }

  Notification dueSoon(DepartmentTask task) {
    return new Notification("due-soon:" + task.taskId(), task.campaignCode(), task.department().id(),
        "【即将到期】" + task.name() + " 将于" + dayAndTime(task.dueDate()) + "到期",
        task.department().name() + "：\n"
            + "　　您单位在「" + campaign(task) + "」中的任务「" + task.name() + "」将于" + dayAndTime(task.dueDate())
            + "到期，目前尚未办结。\n"
            + "　　请抓紧办理，按期报送；逾期未办结的，将按规定予以催办、督办。",
        properties.taskLink(task.taskId()));
  }

  Notification overdue(DepartmentTask task) {
    return new Notification("overdue:" + task.taskId(), task.campaignCode(), task.department().id(),
        "【已逾期】" + task.name() + " 已于" + dayAndTime(task.dueDate()) + "到期",
        task.department().name() + "：\n"
            + "　　您单位在「" + campaign(task) + "」中的任务「" + task.name() + "」办理时限为" + dayAndTime(task.dueDate())
            + "，现已逾期。\n"
            + "　　该任务仍可办理，请立即办结；领导小组办公室已启动督办程序。",
        properties.taskLink(task.taskId()));
  }

  Notification dueSoon(BodyTask task) {
    return new Notification("due-soon:" + task.taskId(), task.campaignCode(), null,
        "【即将到期】" + task.name() + " 将于" + dayAndTime(task.dueDate()) + "到期",
        task.bodyName() + "：\n"
            + "　　" + inCampaign(task) + "任务「" + task.name() + "」将于" + dayAndTime(task.dueDate())
            + "到期，目前尚未办结。\n"
            + "　　请抓紧办理。",
        properties.taskLink(task.taskId()));
  }

  Notification overdue(BodyTask task) {
    return new Notification("overdue:" + task.taskId(), task.campaignCode(), null,
        "【已逾期】" + task.bodyName() + "：" + task.name() + " 已于" + dayAndTime(task.dueDate()) + "到期",
        task.bodyName() + "：\n"
            + "　　" + inCampaign(task) + "任务「" + task.name() + "」办理时限为" + dayAndTime(task.dueDate())
            + "，现已逾期。\n"
            + "　　该任务仍可办理，请立即办结；领导小组办公室已收到逾期提示。",
        properties.taskLink(task.taskId()));
  }

  Notification escalationStep(String eventKey, String campaignCode, String campaignName, String departmentId,
      String departmentName, String taskName, String taskId, EscalationStep step, String noticeNumber,
      String noticeTitle, String noticeUrl, int workingDaysOverdue) {
    return new Notification(eventKey, campaignCode, departmentId,
        "【" + step.label() + "】" + departmentName + "：" + taskName + "已逾期" + workingDaysOverdue + "个工作日",
        departmentName + "：\n"
            + "　　您单位在「" + (campaignName == null ? campaignCode : campaignName) + "」中的任务「" + taskName + "」已逾期"
            + workingDaysOverdue + "个工作日，现对您单位" + step.label() + "。\n"
            + "　　文书：" + noticeTitle + "（" + noticeNumber + "）\n"
            + "　　查看文书：" + properties.link(noticeUrl) + "\n"
            + "　　请立即办结该任务。",
        properties.taskLink(taskId));
  }

  /** A step taken on a satisfaction survey's result (seed 004), with the document to read. */
  Notification surveyStep(String eventKey, String campaignCode, String campaignName, String departmentId,
      String departmentName, String cause, String facts, EscalationStep step, String noticeNumber, String noticeTitle,
      String noticeUrl) {
    return new Notification(eventKey, campaignCode, departmentId,
        "【" + step.label() + "】" + departmentName + "：" + cause,
        departmentName + "：\n"
            + "　　" + facts + "\n"
            + "　　根据「" + (campaignName == null ? campaignCode : campaignName) + "」满意度测评结果运用的规定，经领导小组办公室确认，现对您单位"
            + step.label() + "。\n"
            + "　　文书：" + noticeTitle + "（" + noticeNumber + "）",
        properties.link(noticeUrl));
  }

  private static String inCampaign(BodyTask task) {
    String campaign = task.campaignName() != null ? task.campaignName() : task.campaignCode();
    return campaign == null ? "" : "「" + campaign + "」中的";
  }

  private static String campaign(DepartmentTask task) {
    return task.campaignName() != null ? task.campaignName() : task.campaignCode();
  }
}
