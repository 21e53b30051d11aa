package cn.gov.county.campaign.meeting;

import static cn.gov.county.campaign.meeting.MeetingModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.county.campaign.model.ModelTests;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RegularMeetingProcess: the meeting's record is kept (save point), its decisions assigned in a job. */
class RegularMeetingProcessModelTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ModelTests.engine();

  private final List<Object> recorded = new ArrayList<>();

  @BeforeEach
  void deploy() {
    ModelTests.deploy(engine, List.of(PROCESS));
    Mocks.register("recordMeetingDecisionsDelegate",
        (JavaDelegate) execution -> recorded.add(execution.getVariable("meetingTopic")));
  }

  @AfterEach
  void reset() {
    ModelTests.reset();
  }

  @Test
  void shouldAssignTheDecisionsAndIssueTheMinutesInAJob_afterTheMeetingIsRecorded() {
    // when
    ProcessInstance meeting = engine.getRuntimeService().startProcessInstanceByKey(PROCESS,
        withVariables("meetingTopic", "第三次例会"));

    // then
    assertThat(meeting).isWaitingAt(RECORD_DECISIONS);
    assertThat(recorded).isEmpty();
    execute(job(RECORD_DECISIONS, meeting));
    assertThat(recorded).containsExactly("第三次例会");
    assertThat(meeting).isEnded().hasPassed(MINUTES_ISSUED);
  }
}
