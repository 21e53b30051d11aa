package cn.gov.county.campaign.meeting;

/** Names shared by RegularMeetingProcess (例会), its form and code. */
final class MeetingModel {

  static final String PROCESS = "RegularMeetingProcess";
  static final String RECORD_DECISIONS = "ServiceTask_RecordMeetingDecisions";
  static final String MINUTES_ISSUED = "EndEvent_MinutesIssued";

  private MeetingModel() {
  }
}
