package cn.gov.county.campaign.audit;

import java.util.List;

/**
 * What an audit chain entry records: one history table's row (its fields and the columns they are
 * compared with), or one of the chain's own facts (a root instance joining a campaign, a history
 * cleanup run). Only fields that the history event writes and that nothing legitimate changes
 * later are compared (not REMOVAL_TIME_, which the engine sets later with direct updates, nor
 * annotations, which users may edit).
 */
enum AuditKind {

  PROCESS_INSTANCE("ACT_HI_PROCINST", "流程实例", List.of(
      AuditField.text("businessKey", "BUSINESS_KEY_", "业务键（活动编号）"),
      AuditField.text("processDefinitionId", "PROC_DEF_ID_", "流程定义"),
      AuditField.text("rootProcessInstanceId", "ROOT_PROC_INST_ID_", "根流程实例"),
      AuditField.text("superProcessInstanceId", "SUPER_PROCESS_INSTANCE_ID_", "上级流程实例"),
      AuditField.time("startTime", "START_TIME_", "开始时间"),
      AuditField.time("endTime", "END_TIME_", "结束时间"),
      AuditField.text("startUserId", "START_USER_ID_", "发起人"),
      AuditField.text("startActivityId", "START_ACT_ID_", "开始节点"),
      AuditField.text("endActivityId", "END_ACT_ID_", "结束节点"),
      AuditField.text("deleteReason", "DELETE_REASON_", "终止原因"),
      AuditField.text("state", "STATE_", "状态"))),

  ACTIVITY_INSTANCE("ACT_HI_ACTINST", "节点实例", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("activityId", "ACT_ID_", "节点标识"),
      AuditField.text("activityName", "ACT_NAME_", "节点名称"),
      AuditField.text("activityType", "ACT_TYPE_", "节点类型"),
      AuditField.text("parentActivityInstanceId", "PARENT_ACT_INST_ID_", "上级节点实例"),
      AuditField.text("taskId", "TASK_ID_", "任务"),
      AuditField.text("calledProcessInstanceId", "CALL_PROC_INST_ID_", "调用的流程实例"),
      AuditField.text("assignee", "ASSIGNEE_", "办理人"),
      AuditField.time("startTime", "START_TIME_", "开始时间"),
      AuditField.time("endTime", "END_TIME_", "结束时间"),
      AuditField.number("state", "ACT_INST_STATE_", "状态"))),

  TASK_INSTANCE("ACT_HI_TASKINST", "任务", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("taskDefinitionKey", "TASK_DEF_KEY_", "任务标识"),
      AuditField.text("name", "NAME_", "任务名称"),
      AuditField.text("description", "DESCRIPTION_", "任务说明"),
      AuditField.text("activityInstanceId", "ACT_INST_ID_", "节点实例"),
      AuditField.text("parentTaskId", "PARENT_TASK_ID_", "上级任务"),
      AuditField.text("owner", "OWNER_", "任务所有人"),
      AuditField.text("assignee", "ASSIGNEE_", "办理人"),
      AuditField.time("startTime", "START_TIME_", "创建时间"),
      AuditField.time("endTime", "END_TIME_", "办结时间"),
      AuditField.text("deleteReason", "DELETE_REASON_", "结束原因"),
      AuditField.number("priority", "PRIORITY_", "优先级"),
      AuditField.time("dueDate", "DUE_DATE_", "办理期限"),
      AuditField.time("followUpDate", "FOLLOW_UP_DATE_", "提醒日期"),
      AuditField.text("taskState", "TASK_STATE_", "任务状态"))),

  VARIABLE_UPDATE("ACT_HI_DETAIL", "变量变更记录", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("variableInstanceId", "VAR_INST_ID_", "变量"),
      AuditField.text("name", "NAME_", "变量名"),
      AuditField.text("serializer", "VAR_TYPE_", "类型"),
      AuditField.number("revision", "REV_", "版本"),
      AuditField.time("time", "TIME_", "时间"),
      AuditField.text("activityInstanceId", "ACT_INST_ID_", "节点实例"),
      AuditField.text("taskId", "TASK_ID_", "任务"),
      AuditField.text("operationId", "OPERATION_ID_", "操作"),
      AuditField.flag("initial", "INITIAL_", "初始值"),
      AuditField.text("text", "TEXT_", "文本值"),
      AuditField.text("text2", "TEXT2_", "附加文本值"),
      AuditField.number("long", "LONG_", "整数值"),
      AuditField.decimal("double", "DOUBLE_", "小数值"),
      AuditField.bytes("bytes", "ACT_GE_BYTEARRAY.BYTES_", "二进制/JSON 值（SHA-256）")), "t.TYPE_ = 'VariableUpdate'"),

  /** A submitted form field as the form handler records it (start forms and task forms). */
  FORM_PROPERTY("ACT_HI_DETAIL", "表单提交记录", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("name", "NAME_", "表单字段"),
      AuditField.text("value", "TEXT_", "提交的值"),
      AuditField.time("time", "TIME_", "时间"),
      AuditField.text("activityInstanceId", "ACT_INST_ID_", "节点实例"),
      AuditField.text("taskId", "TASK_ID_", "任务"),
      AuditField.text("operationId", "OPERATION_ID_", "操作")), "t.TYPE_ = 'FormProperty'"),

  /** Never an entry of its own: expected from the latest VARIABLE_UPDATE of the variable. */
  VARIABLE_INSTANCE("ACT_HI_VARINST", "变量当前值", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("name", "NAME_", "变量名"),
      AuditField.text("serializer", "VAR_TYPE_", "类型"),
      AuditField.text("state", "STATE_", "状态"),
      AuditField.text("text", "TEXT_", "文本值"),
      AuditField.text("text2", "TEXT2_", "附加文本值"),
      AuditField.number("long", "LONG_", "整数值"),
      AuditField.decimal("double", "DOUBLE_", "小数值"),
      AuditField.bytes("bytes", "ACT_GE_BYTEARRAY.BYTES_", "二进制/JSON 值（SHA-256）"))),

  IDENTITY_LINK("ACT_HI_IDENTITYLINK", "任务人员变更记录", List.of(
      AuditField.time("time", "TIMESTAMP_", "时间"),
      AuditField.text("type", "TYPE_", "类别"),
      AuditField.text("userId", "USER_ID_", "用户"),
      AuditField.text("groupId", "GROUP_ID_", "用户组"),
      AuditField.text("taskId", "TASK_ID_", "任务"),
      AuditField.text("processDefinitionId", "PROC_DEF_ID_", "流程定义"),
      AuditField.text("operationType", "OPERATION_TYPE_", "操作"),
      AuditField.text("assignerId", "ASSIGNER_ID_", "操作人"))),

  OPERATION_LOG("ACT_HI_OP_LOG", "用户操作日志", List.of(
      AuditField.text("operationId", "OPERATION_ID_", "操作编号"),
      AuditField.text("operationType", "OPERATION_TYPE_", "操作"),
      AuditField.text("entityType", "ENTITY_TYPE_", "对象类别"),
      AuditField.text("category", "CATEGORY_", "类别"),
      AuditField.text("property", "PROPERTY_", "属性"),
      AuditField.text("orgValue", "ORG_VALUE_", "原值"),
      AuditField.text("newValue", "NEW_VALUE_", "新值"),
      AuditField.text("userId", "USER_ID_", "操作人"),
      AuditField.time("time", "TIMESTAMP_", "时间"),
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("taskId", "TASK_ID_", "任务"),
      AuditField.text("jobId", "JOB_ID_", "作业"),
      AuditField.text("deploymentId", "DEPLOYMENT_ID_", "部署"),
      AuditField.text("batchId", "BATCH_ID_", "批处理"))),

  INCIDENT("ACT_HI_INCIDENT", "故障事件", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.time("createTime", "CREATE_TIME_", "发生时间"),
      AuditField.time("endTime", "END_TIME_", "结束时间"),
      AuditField.text("incidentType", "INCIDENT_TYPE_", "类别"),
      AuditField.text("message", "INCIDENT_MSG_", "说明"),
      AuditField.text("activityId", "ACTIVITY_ID_", "节点"),
      AuditField.text("configuration", "CONFIGURATION_", "配置"),
      AuditField.number("state", "INCIDENT_STATE_", "状态"))),

  JOB_LOG("ACT_HI_JOB_LOG", "作业日志", List.of(
      AuditField.text("processInstanceId", "PROCESS_INSTANCE_ID_", "流程实例"),
      AuditField.time("time", "TIMESTAMP_", "时间"),
      AuditField.text("jobId", "JOB_ID_", "作业"),
      AuditField.number("state", "JOB_STATE_", "状态"),
      AuditField.text("jobDefinitionType", "JOB_DEF_TYPE_", "作业类别"),
      AuditField.text("activityId", "ACT_ID_", "节点"),
      AuditField.number("retries", "JOB_RETRIES_", "剩余重试次数"),
      AuditField.text("exceptionMessage", "JOB_EXCEPTION_MSG_", "异常信息"))),

  DECISION_INSTANCE("ACT_HI_DECINST", "决策实例", List.of(
      AuditField.text("processInstanceId", "PROC_INST_ID_", "流程实例"),
      AuditField.text("decisionDefinitionId", "DEC_DEF_ID_", "决策定义"),
      AuditField.time("evaluationTime", "EVAL_TIME_", "评估时间"),
      AuditField.text("activityInstanceId", "ACT_INST_ID_", "节点实例"),
      AuditField.text("rootDecisionInstanceId", "ROOT_DEC_INST_ID_", "根决策实例"),
      AuditField.decimal("collectValue", "COLLECT_VALUE_", "汇总值"))),

  /** A history event of a kind the verifier does not compare (batches, external tasks, cases). */
  OTHER(null, "其他历史事件", List.of()),

  /** A root instance whose first events are in chain "-" now belongs to this campaign. */
  ROOT_JOINED(null, "流程实例归入活动", List.of()),

  /** A history cleanup (按保存期限清理) ran: recorded in chain "-". */
  CLEANUP(null, "按保存期限清理", List.of()),

  /**
   * An evidence file (佐证材料) was stored in {@code campaign_evidence}, with its SHA-256: see
   * {@link AuditRecords#evidenceStored}; the verifier compares the stored file with it.
   */
  EVIDENCE(null, "佐证材料", List.of()),

  /** The office urged a unit (催办) from the ledger: see {@link AuditRecords#urgingRecorded}. */
  URGING(null, "催办", List.of());

  final String table;
  final String label;
  final List<AuditField> fields;
  /** SQL condition on the table (alias t) for kinds that share a table, or null. */
  final String condition;

  AuditKind(String table, String label, List<AuditField> fields) {
    this(table, label, fields, null);
  }

  AuditKind(String table, String label, List<AuditField> fields, String condition) {
    this.table = table;
    this.label = label;
    this.fields = fields;
    this.condition = condition;
  }

  boolean isHistoryRow() {
    return table != null;
  }

  /** "任务（ACT_HI_TASKINST）" */
  String describe() {
    return table == null ? label : label + "（" + table + "）";
  }

  AuditField field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }
}
