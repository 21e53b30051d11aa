package cn.gov.county.campaign.system;

import static cn.gov.county.campaign.system.Html.escape;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Error pages in Chinese for people in a browser, instead of Spring's English "Whitelabel Error
 * Page": a department user who opens Cockpit (403 from the webapps' security filter), an unknown
 * address (404), a failure (500). The 403 page says where to go instead: Tasklist, the unit's
 * record pages for a department ({@link ErrorPageLinks}), the review workspace for those Cockpit
 * lets in. Spring's error controller still answers JSON to API clients
 * (whatever does not accept {@code text/html}); only the HTML view is replaced. The page has no
 * script and is sent with the application's strict page policy ({@link PageHeaders}).
 */
@Component
class ErrorPages implements ErrorViewResolver {

  private final ProcessEngine engine;
  private final String webappPath;
  private final List<ErrorPageLinks> moreLinks;

  ErrorPages(ProcessEngine engine, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      List<ErrorPageLinks> moreLinks) {
    this.engine = engine;
    this.webappPath = webappPath;
    this.moreLinks = moreLinks;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String html = render(status, request);
    View view = (m, req, response) -> {
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Content-Security-Policy", PageHeaders.CONTENT_SECURITY_POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Cache-Control", "no-store");
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    };
    ModelAndView page = new ModelAndView(view);
    page.setStatus(status);
    return page;
  }

  String render(HttpStatus status, HttpServletRequest request) {
    String user = sessionUser(request);
    String title;
    String text;
    switch (status.value()) {
      case 401 -> {
        title = "请先登录";
        text = "此页面需要登录后使用。";
      }
      case 403 -> {
        title = "无权使用此页面";
        text = user == null
            ? "此页面需要相应权限，请先登录。"
            : "您的账号（" + user + "）没有使用此页面的权限。流程监控（驾驶舱）和系统管理仅供领导小组办公室、审计和系统管理员使用。";
      }
      case 404 -> {
        title = "找不到该页面";
        text = "您访问的地址不存在，可能是链接有误或页面已移走。";
      }
      case 405 -> {
        title = "不支持此操作";
        text = "此地址不接受该请求方式。";
      }
      default -> {
        title = status.is5xxServerError() ? "系统出现错误" : "请求未能完成";
        text = status.is5xxServerError()
            ? "服务器处理请求时出错，您的操作可能未完成。请稍后重试；如仍出错，请联系系统管理员并告知出错时间。"
            : "请求未能完成，请返回后重试。";
      }
    }
    List<String> links = new ArrayList<>();
    links.add(link(webappPath + "/app/tasklist/", "任务列表（办理本单位的任务）"));
    if (user != null) {
      List<String> groups = groupsOf(user);
      // only those Cockpit lets in (the office, auditors, administrators): another working body would meet a 403
      if (engine.getAuthorizationService().isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION,
          "cockpit")) {
        links.add(link(webappPath + "/app/cockpit/default/#/campaign-review", "整改活动审查"));
      }
      for (ErrorPageLinks more : moreLinks) {
        more.linksFor(user, groups).forEach(l -> links.add(link(l.href(), l.label())));
      }
    }
    StringBuilder page = Html.page(title + " - 整改活动工作平台",
        "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;background:#f5f5f5;margin:0;}"
            + ".box{max-width:640px;margin:60px auto;background:#fff;border-top:4px solid #b71c1c;padding:24px 32px;}"
            + "h1{font-size:22px;color:#b71c1c;margin:0 0 12px;}p{line-height:1.7;color:#333;}"
            + "li{margin:6px 0;}a{color:#0b57a4;}.code{color:#888;font-size:13px;}")
        .append("<div class=\"box\" id=\"campaign-error\"><h1>").append(escape(title)).append("</h1>")
        .append("<p>").append(escape(text)).append("</p>")
        .append("<p>您可以前往：</p><ul>");
    links.forEach(page::append);
    page.append("</ul><p class=\"code\">错误代码 ").append(status.value()).append("</p></div></body></html>");
    return page.toString();
  }

  private static String link(String href, String label) {
    return "<li><a href=\"" + escape(href) + "\">" + escape(label) + "</a></li>";
  }

  private String sessionUser(HttpServletRequest request) {
    String user = RequestUsers.sessionUser(request, engine);
    if (user != null) {
      return user;
    }
    CampaignApiAuthentication.Caller caller = CampaignApiAuthentication.current(request);
    return caller == null ? null : caller.userId();
  }

  private List<String> groupsOf(String user) {
    IdentityService identity = engine.getIdentityService();
    return EngineInternals.withoutUser(identity,
        () -> identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
  }
}
