package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.county.campaign.CampaignIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stranger who sends wrong passwords for a department's liaison is slowed down; the liaison,
 * from their own computer, logs in at once, and the engine never locks the account. Two client
 * addresses on one machine: the stranger connects from 127.0.0.2, the liaison from 127.0.0.1.
 */
@CampaignIntegrationTest
class LoginThrottleTest {

  private static final String STRANGER = "127.0.0.2";
  private static final String OWN_COMPUTER = "127.0.0.1";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identityService;

  record Answer(int status, String headers, String body) {
  }

  @Test
  void aStrangersWrongPasswordsDoNotLockTheLiaisonOut_overHttpBasic() {
    // when: fifteen wrong passwords from the stranger's address
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      statuses.add(basic(STRANGER, "finance-liaison", "guess-" + i).status());
    }
    Answer stillThrottled = basic(STRANGER, "finance-liaison", "finance-liaison");

    // then: five are checked, then the stranger waits, even with the right password
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 15)).containsOnly(429);
    assertThat(stillThrottled.status()).isEqualTo(429);
    assertThat(stillThrottled.body()).contains("登录失败次数过多，请", "秒后再试");
    assertThat(stillThrottled.headers()).containsIgnoringCase("Retry-After: ");

    // and: the liaison from their own computer gets in at once, and the engine has not locked the account
    assertThat(basic(OWN_COMPUTER, "finance-liaison", "finance-liaison").status()).isEqualTo(200);
    assertThat(identityService.checkPassword("finance-liaison", "finance-liaison")).isTrue();
  }

  @Test
  void theWebappLoginIsThrottledTheSameWay() {
    // when
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(webappLogin(STRANGER, "market-liaison", "guess-" + i).status());
    }
    // then
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 7)).containsOnly(429);
    assertThat(webappLogin(OWN_COMPUTER, "market-liaison", "market-liaison").status()).isEqualTo(200);
  }

  private Answer basic(String from, String user, String password) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(from, "GET /engine-rest/task/count HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
        + "\r\nConnection: close\r\n\r\n");
  }

  /** As the browser logs in to Tasklist: a page for the cookies, then the login form with the CSRF token. */
  private Answer webappLogin(String from, String user, String password) {
    Answer page = send(from,
        "GET /camunda/app/tasklist/default/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    String xsrf = cookie(page.headers(), "XSRF-TOKEN");
    String session = cookie(page.headers(), "JSESSIONID");
    String form = "username=" + user + "&password=" + password;
    return send(from, "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
        + "Cookie: XSRF-TOKEN=" + xsrf + "; JSESSIONID=" + session + "\r\nX-XSRF-TOKEN: " + xsrf + "\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n"
        + "Connection: close\r\n\r\n" + form);
  }

  private static String cookie(String headers, String name) {
    Matcher m = Pattern.compile("(?im)^Set-Cookie: " + name + "=([^;\\r\\n]*)").matcher(headers);
    return m.find() ? m.group(1) : "";
  }

  /** One HTTP/1.1 exchange over a socket bound to the given local address. */
  private Answer send(String from, String request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
      socket.setSoTimeout(10000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      String headers = end < 0 ? response : response.substring(0, end);
      String body = end < 0 ? "" : response.substring(end + 4);
      return new Answer(Integer.parseInt(headers.substring(9, 12)), headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
