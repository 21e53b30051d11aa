package cn.gov.county.campaign.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every webapp page a content security policy nonce of its own.
 *
 * <p>Camunda 7.24's {@code ContentSecurityPolicyProvider} puts the nonce it writes into the
 * {@code Content-Security-Policy} header into a <em>servlet context</em> attribute
 * ({@code org.camunda.bpm.csp.nonce}), and {@code ProcessEnginesFilter} reads that attribute when it
 * renders {@code index.html}. The attribute is shared by all requests: when pages are loaded at the
 * same time, a page gets another request's nonce in its {@code <script nonce>}, the browser blocks
 * every script and the user sees a blank page. (The nonce also comes from {@code ThreadLocalRandom},
 * which is not a secure generator.)
 *
 * <p>This filter keeps Camunda's policy and its protection (scripts only with the page's nonce,
 * {@code strict-dynamic}) and makes the nonce belong to the request: it draws one with
 * {@link SecureRandom}, writes it into the policy header whenever Camunda sets it, and, for the
 * pages (paths ending in {@code /} or {@code .html}), buffers the HTML and puts the same nonce into
 * every {@code nonce="…"} attribute before sending it. Whatever Camunda took from the shared
 * attribute is overwritten; header and page always agree. A policy without a nonce would need the
 * hashes of Camunda's inline bootstrap script, which changes with every release and with the
 * application path, so the nonce stays.
 */
@Configuration(proxyBeanMethods = false)
class WebappNonce {

  static final String HEADER = "Content-Security-Policy";
  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-[^']*'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[^\"]*\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Bean
  FilterRegistrationBean<Filter> webappNonceFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("webapp-csp-nonce");
    registration.addUrlPatterns(webappPath + "/*");
    // before Camunda's filters (registered after every FilterRegistrationBean), so that it wraps them
    registration.setOrder(RestSecurityConfiguration.AUTHENTICATION_ORDER - 3);
    return registration;
  }

  static String newNonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String nonce = newNonce();
      String uri = request.getRequestURI();
      boolean page = uri.endsWith("/") || uri.endsWith(".html");
      NonceResponse wrapped = new NonceResponse(response, nonce, page);
      chain.doFilter(request, wrapped);
      wrapped.finish();
    }
  }

  /** Rewrites the policy header at once and, for pages, the buffered HTML at the end. */
  static class NonceResponse extends HttpServletResponseWrapper {
    private final String nonce;
    private boolean buffering;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    NonceResponse(HttpServletResponse response, String nonce, boolean page) {
      super(response);
      this.nonce = nonce;
      this.buffering = page;
    }

    private String policy(String value) {
      return value == null
          ? null
          : HEADER_NONCE.matcher(value).replaceAll(Matcher.quoteReplacement("'nonce-" + nonce + "'"));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, HEADER.equalsIgnoreCase(name) ? policy(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, HEADER.equalsIgnoreCase(name) ? policy(value) : value);
    }

    @Override
    public void setContentLength(int length) {
      if (!buffering) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!buffering) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      buffering = false;
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      buffering = false;
      super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      buffering = false;
      super.sendRedirect(location);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!buffering) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            body.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!buffering) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(body, charset()));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!buffering) {
        super.flushBuffer();
      }
    }

    @Override
    public void resetBuffer() {
      body.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      body.reset();
      super.reset();
    }

    private Charset charset() {
      String name = getCharacterEncoding();
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }

    void finish() throws IOException {
      if (!buffering) {
        return;
      }
      buffering = false;
      if (writer != null) {
        writer.flush();
      }
      if (body.size() == 0) {
        return;
      }
      byte[] bytes = body.toByteArray();
      String type = getContentType();
      if (type != null && type.startsWith("text/html")) {
        Charset charset = charset();
        bytes = PAGE_NONCE.matcher(new String(bytes, charset))
            .replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce + "\"")).getBytes(charset);
      }
      if (!isCommitted()) {
        super.setContentLength(bytes.length);
      }
      ServletOutputStream out = super.getOutputStream();
      out.write(bytes);
      out.flush();
    }
  }
}
