package cn.gov.county.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist as the browser is: session cookie and CSRF token, calling the
 * webapps' engine API ({@code /camunda/api/engine/engine/default/...}).
 */
public final class TasklistSession {

  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private TasklistSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs in with the demo password (equal to the user id). */
  public static TasklistSession login(int port, String user) {
    TasklistSession session = new TasklistSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
    var login = session.send(HttpRequest.newBuilder(
        URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", session.xsrf())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    if (login.status() != 200) {
      throw new IllegalStateException("Login of " + user + " failed: " + login.status() + " " + login.body());
    }
    // the CSRF token is renewed with the session
    session.send(HttpRequest.newBuilder(URI.create(session.base + ENGINE_API + "/task/count")).GET());
    return session;
  }

  public CampaignRest.Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public CampaignRest.Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("X-XSRF-TOKEN", xsrf())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Any request in this session; {@code headers} name, value, name, value, ... */
  public CampaignRest.Reply send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** The session's CSRF token, as the webapps keep it in their cookie. */
  public String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private CampaignRest.Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = browser.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new CampaignRest.Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
