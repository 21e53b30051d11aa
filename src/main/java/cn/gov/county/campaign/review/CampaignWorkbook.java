package cn.gov.county.campaign.review;

import cn.gov.county.campaign.evidence.EvidenceFile;
import cn.gov.county.campaign.review.CampaignReview.Campaign;
import cn.gov.county.campaign.review.CampaignReview.LedgerRow;
import cn.gov.county.campaign.review.CampaignReview.OperationLogEntry;
import cn.gov.county.campaign.review.CampaignReview.Overview;
import cn.gov.county.campaign.review.CampaignReview.PhaseCell;
import cn.gov.county.campaign.review.CampaignReview.TimelineEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The campaign's tables as one Excel workbook (Apache POI): one sheet per table, headers in Chinese. */
@Component
class CampaignWorkbook {

  private final PeopleNames people;

  CampaignWorkbook(PeopleNames people) {
    this.people = people;
  }

  byte[] write(Overview overview, List<OperationLogEntry> log, List<DepartmentDossier> dossiers) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Campaign c = overview.campaign();
      List<List<Object>> summary = new ArrayList<>();
      summary.add(List.of("活动编号", c.code()));
      summary.add(List.of("活动名称", c.name()));
      summary.add(List.of("文号", c.documentNumber()));
      summary.add(List.of("状态", c.state()));
      summary.add(List.of("发起时间", time(c.startedAt())));
      summary.add(List.of("结束时间", time(c.endedAt())));
      summary.add(List.of("参加单位数", c.departments()));
      summary.add(List.of("导出时数据截至", time(overview.readAt())));
      sheet(book, "活动概况", List.of("项目", "内容"), summary);
      sheet(book, "阶段", List.of("阶段", "计划开始", "计划结束", "实际开始", "实际结束"), c.phases().stream()
          .map(p -> List.<Object>of(p.phase(), p.plannedStart(), p.plannedEnd(), time(p.startedAt()),
              time(p.completedAt())))
          .toList());
      List<String> ledgerHeader = new ArrayList<>(List.of("单位", "单位类别", "当前状态", "状态说明", "待办事项数", "当前环节",
          "待办理人", "剩余期限", "催办次数"));
      if (!overview.ledger().isEmpty()) {
        for (PhaseCell cell : overview.ledger().get(0).phases()) {
          ledgerHeader.add(cell.phase() + "：完成时间");
          ledgerHeader.add(cell.phase() + "：按时情况");
        }
      }
      ledgerHeader.addAll(List.of("退回修改次数", "督办和问责措施", "满意度测评排名", "属实投诉数", "整改时限延期", "整改成效评定"));
      List<List<Object>> ledger = new ArrayList<>();
      for (LedgerRow r : overview.ledger()) {
        List<Object> row = new ArrayList<>(
            List.of(r.departmentName(), r.unitCategory(), r.lightLabel(), r.lightReason(),
                r.openTasks(), String.join("、", r.currentSteps()), String.join("、", r.mustAct()), r.daysLeftLabel(),
                r.urgings()));
        for (PhaseCell cell : r.phases()) {
          row.add(time(cell.completedAt()));
          row.add(cell.status());
        }
        row.addAll(List.of(r.returnsForRevision(), String.join("；", r.escalationSteps()),
            String.join("；", r.surveyRanks()), r.substantiatedComplaints(), String.join("；", r.deadlineExtensions()),
            r.finalAssessment()));
        ledger.add(row);
      }
      sheet(book, "督查台账", ledgerHeader, ledger);
      sheet(book, "时间线", List.of("时间", "类别", "事项", "单位", "经办人"), overview.timeline().stream()
          .map((TimelineEntry t) -> List.<Object>of(time(t.at()), t.kind(), t.text(), nz(t.department()), nz(t.by())))
          .toList());
      sheet(book, "操作日志", List.of("时间", "操作人", "事项", "单位", "任务", "操作", "用户账号", "对象", "属性", "原值", "新值",
          "流程", "流程实例", "任务编号", "备注"),
          log.stream().map(e -> List.<Object>of(time(e.at()), nz(e.userName()),
              nz(e.text()), nz(e.departmentName()), nz(e.taskName()), e.operation(), nz(e.userId()), nz(e.entityType()),
              nz(e.property()), nz(e.orgValue()), nz(e.newValue()), nz(e.processDefinitionKey()),
              nz(e.processInstanceId()), nz(e.taskId()), nz(e.annotation()))).toList());
      List<List<Object>> tasks = new ArrayList<>();
      List<List<Object>> submissions = new ArrayList<>();
      List<List<Object>> changes = new ArrayList<>();
      List<List<Object>> notifications = new ArrayList<>();
      List<List<Object>> evidence = new ArrayList<>();
      for (DepartmentDossier d : dossiers) {
        for (EvidenceFile f : d.evidence()) {
          evidence.add(List.of(d.departmentName(), nz(f.taskName()), f.fileName(), f.size(), f.sha256(),
              name(f.uploadedBy()), time(f.uploadedAt()), CampaignArchive.evidencePath(d.departmentName(), f),
              f.processInstanceId()));
        }
        for (DepartmentDossier.Task t : d.tasks()) {
          tasks.add(List.of(d.departmentName(), t.name(), nz(t.processName()), time(t.createdAt()), time(t.dueAt()),
              name(t.claimedBy()), time(t.claimedAt()), name(t.completedBy()), time(t.completedAt()),
              nz(t.statusLabel()),
              t.assigneeHistory().stream().map(h -> time(h.at()) + " " + h.operationLabel() + " " + name(h.userId())
                  + (h.toAssignee() == null ? "" : " → " + name(h.toAssignee()))).reduce((a, b) -> a + "\n" + b)
                  .orElse(""),
              t.id(), t.processInstanceId()));
        }
        for (DepartmentDossier.Submission s : d.submissions()) {
          for (DepartmentDossier.Field f : s.fields()) {
            submissions.add(List.of(d.departmentName(), s.taskName(), name(s.submittedBy()), time(s.submittedAt()),
                f.label(), f.valueLabel() != null ? f.valueLabel() : ListText.of(nz(f.value()), f.columns()),
                s.taskId()));
          }
        }
        for (DepartmentDossier.VariableChange v : d.variableChanges()) {
          changes.add(List.of(d.departmentName(), v.label(), name(v.changedBy()), time(v.changedAt()), nz(v.viaLabel()),
              nz(v.oldValue()), nz(v.newValue()), v.processInstanceId()));
        }
        for (DepartmentDossier.NotificationSent n : d.notifications()) {
          notifications.add(List.of(d.departmentName(), nz(n.recipientName()), n.subject(), nz(n.statusLabel()),
              time(n.createdAt()), time(n.sentAt()), n.attempts()));
        }
      }
      sheet(book, "任务办理", List.of("单位", "任务", "流程", "创建", "到期", "认领人", "认领时间", "办结人", "办结时间", "状态",
          "办理人变更", "任务编号", "流程实例"), tasks);
      sheet(book, "提交内容", List.of("单位", "任务", "提交人", "提交时间", "字段", "内容", "任务编号"), submissions);
      sheet(book, "变量修改", List.of("单位", "变量", "修改人", "时间", "经由", "原值", "新值", "流程实例"), changes);
      sheet(book, "通知发送", List.of("单位", "收件人", "主题", "状态", "记录时间", "发送时间", "尝试次数"), notifications);
      sheet(book, "佐证材料", List.of("单位", "任务", "文件名", "大小（字节）", "SHA-256", "上传人", "上传时间", "档案中的文件",
          "流程实例"), evidence);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sheet with a bold, frozen header row; text cells are cut at Excel's cell limit. */
  static Sheet sheet(XSSFWorkbook book, String name, List<String> header, List<? extends List<?>> rows) {
    Sheet sheet = book.createSheet(name);
    CellStyle bold = book.createCellStyle();
    Font font = book.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row head = sheet.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      head.createCell(i).setCellValue(header.get(i));
      head.getCell(i).setCellStyle(bold);
      sheet.setColumnWidth(i, Math.min(60, Math.max(10, header.get(i).length() * 3)) * 256);
    }
    int r = 1;
    for (List<?> values : rows) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        if (value instanceof Number n) {
          row.createCell(i).setCellValue(n.doubleValue());
        } else {
          String text = value == null ? "" : value.toString();
          row.createCell(i).setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) + "……" : text);
        }
      }
    }
    sheet.createFreezePane(0, 1);
    return sheet;
  }

  static String time(Instant instant) {
    return instant == null ? "" : CampaignArchive.TIME.format(instant);
  }

  private String name(String userId) {
    return nz(people.nameOf(userId));
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
