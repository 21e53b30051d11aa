package cn.gov.county.campaign;

import cn.gov.county.campaign.request.RequestModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** The REST API as a client sees it: real HTTP to /engine-rest, as a given user. */
public final class CampaignRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public CampaignRest(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reply(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  public Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Reply put(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Reply delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /**
   * A multipart/form-data POST as a browser form sends it: the text fields, then one file.
   */
  public Reply multipart(String user, String path, Map<String, String> fields, String fileField, String fileName,
      String fileType, byte[] content) {
    String boundary = "----campaign" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A complete, valid report for an information request's department task (情况报送). */
  public static Map<String, Object> informationReport() {
    Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put("completionStatus", "partial");
    report.put("report", "本单位已对照清单自查，发现问题两个，正在整改。");
    report.put("problemCount", 2);
    report.put("contactPerson", "王敏");
    report.put("contactPhone", "0571-87654321");
    return report;
  }

  /** {@code user} null sends no credentials; demo passwords equal the user id. */
  private Reply send(String user, HttpRequest.Builder request) {
    if (user != null) {
      String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + credentials);
    }
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON body {"variables": {...}} in the REST API's typed-value format. */
  public static String variables(Map<String, Object> values) {
    var root = JSON.createObjectNode();
    var variables = root.putObject("variables");
    values.forEach((name, value) -> {
      var dto = variables.putObject(name);
      dto.set("value", JSON.valueToTree(value));
      dto.put("type", value == null
          ? "Null"
          : value instanceof Integer
              ? "Integer"
              : value instanceof Boolean
                  ? "Boolean"
                  : value instanceof Double ? "Double" : "String");
    });
    return root.toString();
  }

  /** Starts an information request for a department as the office's start form would, returns its department task. */
  public static Task requestInformation(RuntimeService runtimeService, TaskService taskService, String department,
      String subject) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(RequestModel.PROCESS, Map.of(
        "department", department,
        "subject", subject,
        "requestContent", "请对照活动实施意见报送本单位落实情况。",
        "dueDate", "2099-12-31"));
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }
}
