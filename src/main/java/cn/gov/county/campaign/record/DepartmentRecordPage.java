package cn.gov.county.campaign.record;

import static cn.gov.county.campaign.system.Html.escape;

import cn.gov.county.campaign.complaint.ComplaintRecord;
import cn.gov.county.campaign.escalation.EscalationLedger;
import cn.gov.county.campaign.supervision.SupervisionMeasures;
import cn.gov.county.campaign.evaluation.EvaluationRecord;
import cn.gov.county.campaign.system.CampaignDates;
import cn.gov.county.campaign.system.Html;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The department's record as a printable Chinese page. */
final class DepartmentRecordPage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CampaignDates.CHINA);

  private DepartmentRecordPage() {
  }

  static String render(DepartmentRecord r) {
    StringBuilder html = Html.page(r.departmentName() + "活动档案", "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',"
        + "sans-serif;margin:2em auto;max-width:64em;color:#222}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}"
        + "th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}.late{color:#a00}"
        + ".none{color:#777}")
        .append("<h1>").append(escape(r.departmentName())).append("活动档案</h1>\n<p>").append(escape(r.campaignName()))
        .append("（")
        .append(escape(r.campaignCode())).append("）　").append(escape(r.unitCategory())).append("　")
        .append(r.campaignRunning() ? "活动进行中" : "活动已结束").append("</p>\n");
    section(html, "各阶段完成情况", List.of("阶段", "开始", "完成"), r.phases(),
        p -> List.of(p.phase(), time(p.startedAt()), p.completedAt() == null ? "未完成" : time(p.completedAt())));
    section(html, "任务时限", List.of("任务", "流程", "时限", "原定时限", "办结", "办理人", "情况"), r.deadlines(),
        d -> List.of(d.task(), d.process(), time(d.due()), d.originalDue() == null ? "" : time(d.originalDue()),
            time(d.completedAt()), n(d.completedBy()), d.status()));
    section(html, "督办措施", List.of("措施", "逾期工作日", "决定", "文号", "理由", "办理人", "时间"), r.escalationSteps(),
        (EscalationLedger.Step s) -> List.of(s.stepLabel(), String.valueOf(s.workingDaysOverdue()),
            "stop".equals(s.decision()) ? "停止" : "签发", n(s.noticeNumber()), n(s.reason()), n(s.takenBy()),
            time(s.takenAt())));
    section(html, "督查问责", List.of("措施", "对象", "问题", "决定机关", "文号", "理由", "决定人", "时间"),
        r.supervisionMeasures(), (SupervisionMeasures.Measure m) -> List.of(m.measureLabel(),
            m.cadreName() == null ? "单位" : m.cadreName(), m.finding(), m.decidingBodyName(), m.noticeNumber(),
            m.reason(),
            m.decidedBy(), m.decidedAt() == null ? "" : m.decidedAt().toLocalDate().toString()));
    section(html, "满意度测评", List.of("轮次", "测评日期", "得分", "名次", "倒数", "结果运用", "办公室意见"), r.surveys(),
        s -> List.of(s.roundName(), s.surveyDate(), s.score(), s.rank() + "/" + s.categorySize(),
            String.valueOf(s.rankFromBottom()), s.consequence().isEmpty() ? s.position() : s.consequence(),
            s.officeDecision()));
    section(html, "投诉举报", List.of("编号", "来源", "内容", "核实结论", "理由", "整改"), r.complaints(),
        (ComplaintRecord c) -> List.of(c.number(), n(c.sourceLabel()), n(c.content()),
            c.substantiated() == null ? "待核实" : c.isSubstantiated() ? "属实" : "不属实", n(c.verificationReason()),
            c.problemCode() == null ? "" : c.problemCode() + (c.rectified() ? "（已整改销号）" : "（整改中）")));
    section(html, "问题整改", List.of("编号", "来源", "问题", "登记", "原定时限", "延期后时限", "状态"), r.problems(),
        p -> List.of(n(p.problemCode()), n(p.source()), n(p.description()), time(p.registeredAt()),
            n(p.originalDeadline() != null ? p.originalDeadline() : p.deadline()),
            p.originalDeadline() == null ? "" : n(p.deadline()) + "（" + n(p.extendedOn()) + "批准延期）",
            p.closed() ? "已销号 " + time(p.closedAt()) : "整改中"));
    DepartmentRecord.Commitments c = r.commitments();
    html.append("<h2>承诺及履行</h2>\n<p>一把手承诺：").append(escape(n(c.unitCommitment())))
        .append(c.signedAt() == null ? "" : "（" + time(c.signedAt()) + "签署）")
        .append("</p>\n<p>干部职工承诺：").append(c.staffCommitments()).append("份</p>\n<p>测评后公开承诺：")
        .append(c.publicCommitmentsMadeAt().isEmpty()
            ? "无"
            : String.join("、", c.publicCommitmentsMadeAt().stream().map(DepartmentRecordPage::time).toList()))
        .append("</p>\n<p>承诺履行情况：").append(escape(n(c.fulfilmentReview()))).append("</p>\n");
    if (r.democraticEvaluations() != null) {
      section(html, "领导干部民主测评", List.of("姓名", "职务", "年度", "称职/基本称职/不称职", "结论", "组织部研判"), r.democraticEvaluations(),
          (EvaluationRecord v) -> List.of(v.leaderName(), n(v.leaderPost()), String.valueOf(v.evaluationYear()),
              v.votesCompetent() + "/" + v.votesBasicallyCompetent() + "/" + v.votesIncompetent(),
              Boolean.TRUE.equals(v.flagged()) ? n(v.flagReason()) : "未触发处理条件", n(v.handlingDecisionLabel())));
    }
    DepartmentRecord.Assessment a = r.finalAssessment();
    html.append("<h2>整改成效评定</h2>\n<p>").append(a == null
        ? "尚未评定"
        : escape(a.grade()) + "　" + escape(n(a.remarks()))
            + "（" + escape(n(a.assessedBy())) + "，" + time(a.assessedAt()) + "）")
        .append("</p>\n");
    return html.append("</body></html>").toString();
  }

  private static <T> void section(StringBuilder html, String title, List<String> header, List<T> rows,
      Function<T, List<String>> cells) {
    html.append("<h2>").append(title).append("</h2>\n");
    if (rows.isEmpty()) {
      html.append("<p class=\"none\">无</p>\n");
      return;
    }
    html.append("<table><thead><tr>");
    header.forEach(h -> html.append("<th>").append(h).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (T row : rows) {
      html.append("<tr>");
      cells.apply(row).forEach(cell -> html.append(cell.contains("逾期") ? "<td class=\"late\">" : "<td>")
          .append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  private static String n(String text) {
    return text == null ? "" : text;
  }
}
