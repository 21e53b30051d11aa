package cn.gov.county.campaign.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who a request comes from, read in one place: the webapps' session (Tasklist, Cockpit), or HTTP
 * Basic credentials read by Camunda's {@link HttpBasicAuthenticationProvider}, the provider that
 * guards {@code /engine-rest} ({@link RestSecurityConfiguration}).
 */
public final class RequestUsers {

  private static final HttpBasicAuthenticationProvider CHECKED = new HttpBasicAuthenticationProvider();

  /** Reads the user name and leaves the password unchecked (the provider reports it as not authenticated). */
  private static final HttpBasicAuthenticationProvider CLAIMED = new HttpBasicAuthenticationProvider() {
    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
      return false;
    }
  };

  private RequestUsers() {
  }

  /** The user logged in to the webapps in this request's session, or null. */
  public static String sessionUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    var authentication = authentications == null
        ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication == null ? null : authentication.getName();
  }

  /** The user whose correct password the request carries (HTTP Basic), or null. */
  public static String basicUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = CHECKED.extractAuthenticatedUser(request, engine);
    return result.isAuthenticated() ? nonEmpty(result.getAuthenticatedUser()) : null;
  }

  /**
   * The user the request's HTTP Basic credentials name, the password not checked (for the login
   * throttle, before the check, and after the engine has accepted the credentials), or null.
   */
  public static String claimedBasicUser(HttpServletRequest request) {
    return nonEmpty(CLAIMED.extractAuthenticatedUser(request, null).getAuthenticatedUser());
  }

  private static String nonEmpty(String user) {
    return user == null || user.isEmpty() ? null : user;
  }
}
