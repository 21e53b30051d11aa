package cn.gov.county.campaign.review;

import cn.gov.county.campaign.campaign.CampaignModel;
import cn.gov.county.campaign.organization.OrganizationDirectory;
import cn.gov.county.campaign.system.CampaignDates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Service;

/**
 * The diagram of a process instance, running or finished, with the path it took: its deployed BPMN
 * XML and, per element, what happened ({@link ProcessDiagram}, {@link ProcessDiagramPath}), drawn in
 * the browser by bpmn-js ({@link ProcessDiagramPage}). Callers check who may read it
 * ({@link #find} says which department the instance belongs to) and read without the caller's
 * engine authorizations, as for {@link DepartmentDossiers}.
 */
@Service
public class ProcessDiagrams {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CampaignDates.CHINA);

  /**
   * An instance to draw.
   *
   * @param department           the instance's own {@code department} variable, or null: an
   *                             instance of no single department (a campaign, a survey round, a
   *                             mail delivery)
   * @param readableByDepartment false for {@link DepartmentDossiers#RESTRICTED_PROCESSES}
   */
  public record Subject(String processInstanceId, String processDefinitionId, String department,
      boolean readableByDepartment) {
  }

  private final HistoryService history;
  private final RepositoryService repository;
  private final OrganizationDirectory directory;

  ProcessDiagrams(HistoryService history, RepositoryService repository, OrganizationDirectory directory) {
    this.history = history;
    this.repository = repository;
    this.directory = directory;
  }

  /** Empty when there is no such instance in history. */
  public Optional<Subject> find(String processInstanceId) {
    HistoricProcessInstance instance = instance(processInstanceId);
    if (instance == null) {
      return Optional.empty();
    }
    String department = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(CampaignModel.DEPARTMENT).list().stream()
        .filter(v -> Objects.equals(v.getActivityInstanceId(), processInstanceId) && v.getValue() instanceof String)
        .map(v -> (String) v.getValue()).findFirst().orElse(null);
    return Optional.of(new Subject(processInstanceId, instance.getProcessDefinitionId(), department,
        !DepartmentDossiers.RESTRICTED_PROCESSES.contains(instance.getProcessDefinitionKey())));
  }

  /** The instance's model and the path it took, for bpmn-js ({@link ProcessDiagramPage}). */
  public ProcessDiagram diagram(Subject subject) {
    HistoricProcessInstance instance = instance(subject.processInstanceId());
    BpmnModelInstance model = repository.getBpmnModelInstance(subject.processDefinitionId());
    List<ProcessDiagramPath.Run> runs = new ArrayList<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
        .processInstanceId(subject.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list()) {
      runs.add(new ProcessDiagramPath.Run(a.getActivityId(), a.getId(), a.getParentActivityInstanceId(),
          a.getStartTime().toInstant(), a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.isCanceled()));
    }
    List<ProcessDiagramPath.Flow> flows = model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(f -> f.getSource() != null && f.getTarget() != null)
        .map(f -> new ProcessDiagramPath.Flow(f.getId(), f.getSource().getId(), f.getTarget().getId())).toList();
    ProcessDiagramPath path = ProcessDiagramPath.of(runs, flows);
    Header header = header(instance, subject);
    try (InputStream xml = repository.getProcessModel(subject.processDefinitionId())) {
      return ProcessDiagram.of(header.title(), header.subtitle(), subject.processInstanceId(),
          new String(xml.readAllBytes(), StandardCharsets.UTF_8), model, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The caption above the diagram: the process, and the instance. */
  private record Header(String title, String subtitle) {
  }

  private Header header(HistoricProcessInstance instance, Subject subject) {
    String name = instance.getProcessDefinitionName() == null
        ? instance.getProcessDefinitionKey()
        : instance.getProcessDefinitionName();
    String state = switch (String.valueOf(instance.getState())) {
      case HistoricProcessInstance.STATE_ACTIVE -> "进行中";
      case HistoricProcessInstance.STATE_SUSPENDED -> "已挂起";
      case HistoricProcessInstance.STATE_COMPLETED -> "已完成";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> "已撤销";
      case HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "已终止";
      default -> instance.getEndTime() == null ? "进行中" : "已结束";
    };
    List<String> parts = new ArrayList<>();
    if (instance.getBusinessKey() != null) {
      parts.add(instance.getBusinessKey());
    }
    if (subject.department() != null) {
      parts.add(directory.isDepartment(subject.department())
          ? directory.nameOf(subject.department())
          : subject.department());
    }
    parts.add(state);
    parts.add(time(instance.getStartTime()) + " 开始" + (instance.getEndTime() == null
        ? ""
        : "，" + time(instance.getEndTime()) + " 结束"));
    parts.add("实例 " + instance.getId());
    return new Header(name + "（第" + instance.getProcessDefinitionVersion() + "版）", String.join(" · ", parts));
  }

  private HistoricProcessInstance instance(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  private static String time(Date date) {
    return date == null ? "" : DAY_TIME.format(date.toInstant());
  }
}
