package cn.gov.county.campaign.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import cn.gov.county.campaign.CampaignRest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office loads a year's holiday schedule over the web. The test profile's calendar directory
 * is {@code target/test-calendar}; the 2027 file is removed before and after each test.
 */
@CampaignIntegrationTest
class CalendarApiTest {

  @LocalServerPort
  int port;

  @Autowired
  HolidayScheduleStore store;

  @Autowired
  WorkingDayCalendar calendar;

  @Autowired
  Deadlines deadlines;

  private CampaignRest rest;

  @BeforeEach
  @AfterEach
  void removeTheTestYear() throws IOException {
    rest = new CampaignRest(port);
    Files.deleteIfExists(file2027());
  }

  private Path file2027() {
    return store.directory().resolve("cn-holidays-2027.yaml");
  }

  /** PUT with a YAML body, as a script or the office's page sends it. */
  private CampaignRest.Reply putYaml(String user, String path, String yaml, String contentType) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new CampaignRest.Reply(response.statusCode(), response.body());
  }

  @Test
  void anAuditorSeesTheLoadedYearsAndTheDirectory() {
    // when
    var reply = rest.get("auditor", "/campaign/api/calendar");
    // then
    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    // the directory's name, not the server's path
    assertThat(json.get("directory").asText()).isEqualTo("test-calendar");
    assertThat(reply.body()).doesNotContain(store.directory().toString());
    var year2026 = json.get("years").get(0);
    assertThat(year2026.get("year").asInt()).isEqualTo(2026);
    assertThat(year2026.get("source").asText()).startsWith("国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(year2026.get("external").asBoolean()).isFalse();
    assertThat(year2026.get("holidays")).hasSize(7);
    var nationalDay = year2026.get("holidays").get(6);
    assertThat(nationalDay.get("name").asText()).isEqualTo("国庆节");
    assertThat(nationalDay.get("from").asText()).isEqualTo("2026-10-01");
    assertThat(nationalDay.get("to").asText()).isEqualTo("2026-10-07");
    assertThat(nationalDay.get("makeUpWorkingDays").toString()).isEqualTo("[\"2026-09-20\",\"2026-10-10\"]");
  }

  @Test
  void anAuditorMayNotImportASchedule() throws Exception {
    // when
    var reply = putYaml("auditor", "/campaign/api/calendar/2027", CalendarFixtures.SCHEDULE_2027, "text/plain");
    // then
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().get("message").asText()).contains("领导小组办公室");
    assertThat(file2027()).doesNotExist();
    assertThat(calendar.hasSchedule(2027)).isFalse();
  }

  @Test
  void theOfficeImports2027AndDeadlinesUseItAtOnce() throws Exception {
    // given: without a 2027 schedule, 1 October 2027 (a Friday) counts as a working day
    assertThat(deadlines.workingDaysAfter("2027-09-30", 1)).isEqualTo(deadlines.endOf("2027-10-01"));
    assertThat(deadlines.scheduleWarning(deadlines.endOf("2027-10-01"))).isPresent();
    // when: no charset given, the Chinese text is read as UTF-8
    var reply = putYaml("office", "/campaign/api/calendar/2027", CalendarFixtures.SCHEDULE_2027, "text/plain");
    // then
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("year").asInt()).isEqualTo(2027);
    assertThat(reply.json().get("source").asText()).isEqualTo("测试用示例，非官方安排");
    assertThat(reply.json().get("external").asBoolean()).isTrue();
    assertThat(file2027()).hasContent(CalendarFixtures.SCHEDULE_2027);
    assertThat(deadlines.workingDaysAfter("2027-09-30", 1)).isEqualTo(deadlines.endOf("2027-10-08"));
    assertThat(deadlines.scheduleWarning(deadlines.endOf("2027-10-01"))).isEmpty();
    assertThat(rest.get("auditor", "/campaign/api/calendar").json().get("years")).hasSize(2);
    // and: the office may correct it
    var corrected = putYaml("office", "/campaign/api/calendar/2027",
        CalendarFixtures.SCHEDULE_2027.replace("to: 2027-10-07", "to: 2027-10-08"),
        "application/x-yaml; charset=UTF-8");
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(deadlines.workingDaysAfter("2027-09-30", 1)).isEqualTo(deadlines.endOf("2027-10-09"));
  }

  @Test
  void aBadDateIsRefusedWithTheEntryNamed() throws Exception {
    // when
    var reply = putYaml("office", "/campaign/api/calendar/2027",
        CalendarFixtures.SCHEDULE_2027.replace("2027-10-07", "2027-02-30"), "application/x-yaml");
    // then
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .contains("cn-holidays-2027.yaml").contains("「国庆节」").contains("「2027-02-30」不是有效日期");
    assertThat(file2027()).doesNotExist();
    assertThat(calendar.hasSchedule(2027)).isFalse();
  }

  @Test
  void refusesAYearOtherThanThePathAndTheShippedYear() throws Exception {
    var otherYear = putYaml("office", "/campaign/api/calendar/2028", CalendarFixtures.SCHEDULE_2027, "text/plain");
    assertThat(otherYear.status()).isEqualTo(400);
    assertThat(otherYear.json().get("message").asText()).contains("2027").contains("2028");

    var shipped = putYaml("admin", "/campaign/api/calendar/2026", """
        year: 2026
        source: 更正
        holidays:
          - name: 元旦
            daysOff: { from: 2026-01-01, to: 2026-01-03 }
        """, "text/plain");
    assertThat(shipped.status()).isEqualTo(400);
    assertThat(shipped.json().get("message").asText()).contains("随程序发布");
  }

  @Test
  void answers401WithoutCredentials() {
    assertThat(rest.get(null, "/campaign/api/calendar").status()).isEqualTo(401);
  }
}
