package cn.gov.county.campaign.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  /** The name of a FormOptionSource: its fields' options are filled when the form is fetched. */
  private static final String FETCHED_OPTIONS = "campaigns";

  private final FormValidator validator = new FormValidator(TODAY, Set.of(FETCHED_OPTIONS));

  private static FormDefinition form(String componentsJson) throws Exception {
    return FormDefinition.parse(JSON.readTree("{\"id\":\"TestForm\",\"components\":" + componentsJson + "}"));
  }

  /** Variables as the REST API receives them: name, type, value (Json values as JSON text). */
  private static Map<String, VariableInput> vars(Object... nameTypeValue) throws Exception {
    Map<String, VariableInput> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      var dto = JSON.createObjectNode();
      dto.put("type", (String) nameTypeValue[i + 1]);
      dto.set("value", JSON.valueToTree(nameTypeValue[i + 2]));
      variables.put((String) nameTypeValue[i], VariableInput.fromRest(dto));
    }
    return variables;
  }

  private static List<String> messages(List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::message).toList();
  }

  private static final String REPORT_FORM = """
      [
        {"type":"text","id":"Text_Intro","text":"说明"},
        {"type":"textarea","id":"Field_report","key":"report","label":"报送内容",
         "validate":{"required":true,"minLength":10,"maxLength":4000}},
        {"type":"number","id":"Field_count","key":"problemCount","label":"发现问题数","decimalDigits":0,
         "validate":{"required":true,"min":0,"max":999}},
        {"type":"textfield","id":"Field_phone","key":"contactPhone","label":"联系电话",
         "validate":{"pattern":"^(1[3-9]\\\\d{9}|0\\\\d{2,3}-?\\\\d{7,8})$"}},
        {"type":"radio","id":"Field_status","key":"status","label":"落实情况",
         "values":[{"label":"已落实","value":"completed"},{"label":"部分落实","value":"partial"}]},
        {"type":"checklist","id":"Field_measures","key":"measures","label":"措施",
         "values":[{"label":"立行立改","value":"immediate"},{"label":"建章立制","value":"rules"}]},
        {"type":"checkbox","id":"Field_confirm","key":"confirmed","label":"已核实","validate":{"required":true}}
      ]""";

  @Test
  void acceptsWhatTasklistSendsForAValidForm() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when: untouched optional fields come as "" and []
    var violations = validator.validate(form, vars(
        "report", "String", "本单位已对照清单逐项自查，发现问题两个。",
        "problemCount", "Integer", 2,
        "contactPhone", "String", "",
        "status", "String", "partial",
        "measures", "Json", "[\"immediate\"]",
        "confirmed", "Boolean", true), Map.of());
    // then
    assertThat(violations).isEmpty();
  }

  @Test
  void namesEveryMissingRequiredFieldInChinese() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when
    var violations = validator.validate(form, vars(
        "report", "String", "   ",
        "problemCount", "Null", null,
        "confirmed", "Boolean", false), Map.of());
    // then
    assertThat(messages(violations)).containsExactly(
        "「报送内容」为必填项，请填写", "「发现问题数」为必填项，请填写", "「已核实」须勾选");
    assertThat(violations).extracting(FieldViolation::field).containsExactly("report", "problemCount", "confirmed");
  }

  @Test
  void rejectsWrongTypesThatARestClientCouldSend() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when
    var violations = validator.validate(form, vars(
        "report", "Json", "{\"a\":1}",
        "problemCount", "String", "2",
        "status", "Integer", 1,
        "measures", "String", "immediate",
        "confirmed", "String", "true"), Map.of());
    // then
    assertThat(messages(violations)).containsExactly(
        "「报送内容」应为文本", "「发现问题数」应为数字", "「落实情况」应为文本", "「措施」应为选项列表", "「已核实」应为“是/否”");
  }

  @Test
  void enforcesLengthRangePatternAndAllowedValues() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when
    var violations = validator.validate(form, vars(
        "report", "String", "太短",
        "problemCount", "Double", 1000.5,
        "contactPhone", "String", "12345",
        "status", "String", "unknown",
        "measures", "Json", "[\"immediate\",\"forged\"]",
        "confirmed", "Boolean", true), Map.of());
    // then
    assertThat(messages(violations)).containsExactly(
        "「报送内容」至少应有 10 个字",
        "「发现问题数」不能大于 999",
        "「发现问题数」应为整数",
        "「联系电话」格式不正确",
        "「落实情况」的取值“unknown”不是可选项之一",
        "「措施」的取值“forged”不是可选项之一");
  }

  @Test
  void rejectsAStringLongerThanTheEngineCanStore() throws Exception {
    // given: a field without maxLength still cannot exceed the 4,000 characters of a String variable
    FormDefinition form = form("""
        [{"type":"textarea","id":"Field_summary","key":"summary","label":"总结报告"}]""");
    // when
    var violations = validator.validate(form, vars("summary", "String", "字".repeat(4001)), Map.of());
    // then
    assertThat(messages(violations)).containsExactly("「总结报告」内容过长：最多 4000 字，现有 4001 字");
  }

  @Test
  void rejectsVariablesTheFormDoesNotHave() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when: a department tries to reroute the process by overwriting another variable
    var violations = validator.validate(form, vars(
        "report", "String", "本单位已对照清单逐项自查完毕。",
        "problemCount", "Integer", 0,
        "confirmed", "Boolean", true,
        "department", "String", "dept-finance"), Map.of());
    // then
    assertThat(messages(violations)).containsExactly("「department」不是本表单的填报项，不能随表单提交");
  }

  @Test
  void checksDatesAndRefusesPastDatesWhereTheFormSaysSo() throws Exception {
    // given
    FormDefinition form = form("""
        [{"type":"datetime","id":"Field_due","key":"dueDate","label":"报送时限","subtype":"date",
          "disallowPassedDates":true,"validate":{"required":true}},
         {"type":"datetime","id":"Field_meeting","key":"meetingAt","label":"会议时间","subtype":"datetime"}]""");
    // when
    var past = validator.validate(form, vars("dueDate", "String", "2026-11-21"), Map.of());
    var malformed = validator.validate(form, vars("dueDate", "String", "2026/12/01", "meetingAt", "String", "明天上午"),
        Map.of());
    var impossible = validator.validate(form, vars("dueDate", "String", "2026-02-30"), Map.of());
    var valid = validator.validate(form,
        vars("dueDate", "String", "2026-11-22", "meetingAt", "String", "2026-12-01T09:30+08:00"), Map.of());
    // then
    assertThat(messages(past)).containsExactly("「报送时限」不能早于今天（2026-11-22）");
    assertThat(messages(malformed)).containsExactly("「报送时限」应为日期，格式如 2026-12-01", "「会议时间」应为日期和时间，格式如 2026-12-01T09:30");
    assertThat(messages(impossible)).containsExactly("「报送时限」不是有效的日期");
    assertThat(valid).isEmpty();
  }

  @Test
  void requiresAConditionalFieldOnlyWhenItIsShown() throws Exception {
    // given
    FormDefinition form = form("""
        [{"type":"radio","id":"Field_decision","key":"reviewDecision","label":"审核结论","validate":{"required":true},
          "values":[{"label":"通过","value":"accepted"},{"label":"退回修改","value":"returned"}]},
         {"type":"textarea","id":"Field_comment","key":"reviewComment","label":"退回意见","validate":{"required":true},
          "conditional":{"hide":"=reviewDecision != \\"returned\\""}}]""");
    // when
    var accepted = validator.validate(form, vars("reviewDecision", "String", "accepted"), Map.of());
    var returnedWithoutReason = validator.validate(form, vars("reviewDecision", "String", "returned"), Map.of());
    // then
    assertThat(accepted).isEmpty();
    assertThat(messages(returnedWithoutReason)).containsExactly("「退回意见」为必填项，请填写");
  }

  @Test
  void takesAllowedValuesFromTheVariableNamedByValuesKey() throws Exception {
    // given
    FormDefinition form = form("""
        [{"type":"select","id":"Field_dept","key":"department","label":"责任单位","valuesKey":"departmentOptions"}]""");
    var existing = vars("departmentOptions", "Json", "[{\"label\":\"县财政局\",\"value\":\"dept-finance\"}]");
    // when
    var forged = validator.validate(form, vars("department", "String", "dept-market"), existing);
    var offered = validator.validate(form, vars("department", "String", "dept-finance"), existing);
    // then
    assertThat(messages(forged)).containsExactly("「责任单位」的取值“dept-market”不是可选项之一");
    assertThat(offered).isEmpty();
  }

  @Test
  void leavesAFieldFilledWhenFetchedToTheFormsRules_butChecksAStaticMark() throws Exception {
    // given: the deployed form lists no campaign; the server fills them in when the form is fetched
    FormDefinition fetched = form("""
        [{"type":"select","id":"Field_campaign","key":"campaignCode","label":"所属专项整治",
          "properties":{"options":"%s"},"values":[]}]""".formatted(FETCHED_OPTIONS));
    FormDefinition notFetched = form("""
        [{"type":"select","id":"Field_campaign","key":"campaignCode","label":"所属专项整治",
          "properties":{"options":"departments"},"values":[]}]""");
    // when
    var chosen = validator.validate(fetched, vars("campaignCode", "String", "ZX-2026-01"), Map.of());
    var notOffered = validator.validate(notFetched, vars("campaignCode", "String", "ZX-2026-01"), Map.of());
    // then
    assertThat(chosen).isEmpty();
    assertThat(messages(notOffered)).containsExactly("「所属专项整治」的取值“ZX-2026-01”不是可选项之一");
  }

  @Test
  void validatesEveryRowOfADynamicListAndNamesTheRow() throws Exception {
    // given
    FormDefinition form = form(
        """
            [{"type":"dynamiclist","id":"Field_problems","path":"problems","label":"问题清单","components":[
              {"type":"textfield","id":"Field_problemDescription","key":"description","label":"问题描述","validate":{"required":true}},
              {"type":"datetime","id":"Field_problemDeadline","key":"deadline","label":"整改时限","subtype":"date"}]}]""");
    // when
    var violations = validator.validate(form, vars("problems", "Json",
        "[{\"description\":\"窗口服务态度生硬\",\"deadline\":\"2026-12-31\"},{\"description\":\"\",\"deadline\":\"年底\"}]"),
        Map.of());
    // then
    assertThat(messages(violations)).containsExactly(
        "「问题清单」第 2 行「问题描述」为必填项，请填写",
        "「问题清单」第 2 行「整改时限」应为日期，格式如 2026-12-01");
  }

  @Test
  void evaluatesRowConditionsAgainstTheRow() throws Exception {
    // given: a self-inspection checklist; the problem is required only where the item applies
    FormDefinition form = form("""
        [{"type":"dynamiclist","id":"List_checklist","path":"selfInspection","label":"自查清单","components":[
          {"type":"textarea","id":"Field_text","key":"text","label":"自查事项","readonly":true},
          {"type":"checkbox","id":"Field_applies","key":"applies","label":"本单位存在此问题"},
          {"type":"textarea","id":"Field_problem","key":"problem","label":"问题表现","validate":{"required":true},
           "conditional":{"hide":"=this.applies != true"}}]}]""");
    // when
    var violations = validator.validate(form, vars("selfInspection", "Json",
        "[{\"text\":\"服务观念淡薄\",\"applies\":false},{\"text\":\"效率不高\",\"applies\":true,\"problem\":\"\"}]"),
        Map.of());
    // then
    assertThat(messages(violations)).containsExactly("「自查清单」第 2 行「问题表现」为必填项，请填写");
  }

  @Test
  void validatesFieldsInsideAGroupWithAPath() throws Exception {
    // given
    FormDefinition form = form("""
        [{"type":"group","id":"Field_plan","path":"plan","label":"整改方案","components":[
          {"type":"textfield","id":"Field_planOwner","key":"owner","label":"责任人","validate":{"required":true}}]},
         {"type":"textfield","id":"Field_dotted","key":"contact.name","label":"联系人姓名","validate":{"maxLength":4}}]""");
    // when
    var violations = validator.validate(form, vars(
        "plan", "Json", "{\"owner\":\"\"}",
        "contact", "Json", "{\"name\":\"欧阳建国同志\"}"), Map.of());
    // then
    assertThat(messages(violations)).containsExactly("「责任人」为必填项，请填写", "「联系人姓名」最多 4 个字，现有 6 字");
    assertThat(form.variableNames()).containsExactly("plan", "contact");
  }

  @Test
  void refusesToChangeAReadOnlyField() throws Exception {
    // given: the office's requirement is shown read-only in the department's form
    FormDefinition form = form("""
        [{"type":"textarea","id":"Field_req","key":"requestContent","label":"报送要求","readonly":true}]""");
    var existing = vars("requestContent", "String", "请报送节前廉政情况");
    // when
    var unchanged = validator.validate(form, vars("requestContent", "String", "请报送节前廉政情况"), existing);
    var changed = validator.validate(form, vars("requestContent", "String", "无需报送"), existing);
    // then
    assertThat(unchanged).isEmpty();
    assertThat(messages(changed)).containsExactly("「报送要求」为只读项，不能修改");
  }

  @Test
  void usesExistingValuesForRequiredFieldsTheClientLeftOut() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    var existing = vars("report", "String", "上一轮已报送的内容，共十个字以上。", "problemCount", "Integer", 1);
    // when
    var violations = validator.validate(form, vars("confirmed", "Boolean", true), existing);
    // then
    assertThat(violations).isEmpty();
  }

  @Test
  void reportsAnUnreadableJsonValue() throws Exception {
    // given
    FormDefinition form = form(REPORT_FORM);
    // when
    var violations = validator.validate(form, vars(
        "report", "String", "本单位已对照清单逐项自查完毕。", "problemCount", "Integer", 0,
        "confirmed", "Boolean", true, "measures", "Json", "[\"immediate\""), Map.of());
    // then
    assertThat(messages(violations)).containsExactly("「措施」应为选项列表");
  }
}
