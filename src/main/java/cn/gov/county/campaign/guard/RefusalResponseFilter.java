package cn.gov.county.campaign.guard;

import cn.gov.county.campaign.form.SubmissionRefusedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a submission the engine guard refused with HTTP 400 and the clerk's message naming each
 * field, an operation it refused with 403 and a completion of a task the user cannot see with 404,
 * each in Chinese, the same on {@code /engine-rest} and on the webapps' API, whichever resource the REST
 * layer routed it to ({@code complete}, {@code submit-form}, {@code start}, {@code comment/create}:
 * the REST layer itself answers them differently, {@code start} with 500, {@code comment/create}
 * with 400 in English):
 *
 * <pre>{"type":"FormValidationException","message":"表单填写有误……","form":"…","violations":[{"field","label","message"}]}</pre>
 *
 * <p>The validation itself is not here: it happens inside the engine. This filter only swallows
 * what the REST layer writes after a refusal and writes the answer instead.
 */
class RefusalResponseFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalResponseFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusals.clear();
    if (writesComment(request)) {
      // The REST layer refuses a unit's comment before the engine sees it, in English ("No task found
      // for task id …": units do not read task history); whoever is refused, the answer is this one
      // unless the engine guard records a more precise one. Administrators' comments pass untouched.
      Refusals.record(new AuthorizationException(EngineGuard.COMMENTS_REFUSED));
    }
    try {
      chain.doFilter(request, new Answer(response));
    } finally {
      Optional<ProcessEngineException> refusal = Refusals.take();
      // only when the REST layer failed the request (a resource that caught the refusal and went on stays as it is)
      if (refusal.isPresent() && !response.isCommitted() && response.getStatus() >= 400) {
        write(response, refusal.get());
      }
    }
  }

  /** A comment created, changed or deleted: {@code …/task/{id}/comment/create}, {@code …/comment/{id}}. */
  static boolean writesComment(HttpServletRequest request) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI();
    for (int i = 0; i < 3 && path.contains("%"); i++) {
      try {
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        break;
      }
    }
    return path.replaceAll(";[^/]*", "").matches(".*/comment(/.*)?/?");
  }

  private static void write(HttpServletResponse response, ProcessEngineException refusal) throws IOException {
    response.reset();
    response.setContentType("application/json;charset=UTF-8");
    if (refusal instanceof SubmissionRefusedException submission) {
      write(response, submission);
    } else {
      ObjectNode dto = JSON.createObjectNode();
      dto.put("type", refusal.getClass().getSimpleName());
      dto.put("message", refusal.getMessage());
      response.setStatus(refusal instanceof AuthorizationException
          ? HttpServletResponse.SC_FORBIDDEN
          : HttpServletResponse.SC_NOT_FOUND);
      response.getOutputStream().write(JSON.writeValueAsBytes(dto));
    }
  }

  private static void write(HttpServletResponse response, SubmissionRefusedException refusal) throws IOException {
    ObjectNode dto = JSON.createObjectNode();
    dto.put("type", "FormValidationException");
    dto.put("message", refusal.clerkMessage());
    dto.put("form", refusal.formId());
    ArrayNode list = dto.putArray("violations");
    refusal.violations().forEach(v -> list.addObject()
        .put("field", v.field()).put("label", v.label()).put("message", v.message()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.getOutputStream().write(JSON.writeValueAsBytes(dto));
    LOG.info("Refused a submission of form {}: {}", refusal.formId(), refusal.clerkMessage());
  }

  /** The response, except that nothing is written or committed when it answers a refused request. */
  private static final class Answer extends HttpServletResponseWrapper {

    Answer(HttpServletResponse response) {
      super(response);
    }

    /** The REST layer is writing its own error answer to a refused request. */
    private boolean refused() {
      return Refusals.present() && getStatus() >= 400;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream out = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (!refused()) {
            out.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (!refused()) {
            out.write(b, off, len);
          }
        }

        @Override
        public void flush() throws IOException {
          if (!refused()) {
            out.flush();
          }
        }

        @Override
        public boolean isReady() {
          return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          out.setWriteListener(listener);
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return new PrintWriter(new OutputStreamWriter(getOutputStream(),
          getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!refused()) {
        super.flushBuffer();
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!refused()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!refused()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(refused() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(refused() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }
  }
}
