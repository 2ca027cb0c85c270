package io.rollout.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.TaskQueryExpressionGuard.Reason;
import io.rollout.identity.TaskQueryExpressionGuard.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Servlet filter in front of the engine REST API and the webapps' engine API that refuses, with
 * HTTP 400 and {@code {"type":"InvalidRequestException","message":...}}, every task query request
 * that {@link TaskQueryExpressionGuard} refuses — before the engine sees it. The body is read once,
 * checked and handed on in a buffered request, so the REST resources still read it.
 */
class TaskQueryExpressionGuardFilter extends HttpFilter {

    /** Task queries and filters are small; anything bigger is refused rather than buffered. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "messages/core";

    private final TaskQueryExpressionGuard guard;

    TaskQueryExpressionGuardFilter(TaskQueryExpressionGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!guard.guards(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Refusal> refusal = TaskQueryExpressionGuard.checkQueryString(request.getQueryString());
        byte[] body = read(request.getInputStream());
        if (body == null) {
            refuse(request, response, "security.expressionGuard.tooLarge", String.valueOf(MAX_BODY_BYTES));
            return;
        }
        if (refusal.isEmpty()) {
            refusal = TaskQueryExpressionGuard.checkJson(body);
        }
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            if (r.reason() == Reason.EXPRESSION) {
                refuse(request, response, "security.expressionGuard.expression", r.field(),
                    TaskQueryExpressionGuard.ALLOWED_TEXT);
            } else {
                refuse(request, response, "security.expressionGuard.malformed", r.field());
            }
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    /** The whole body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String code,
                               String... args) throws IOException {
        // no Accept-Language: English, not the server's default locale
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.ROOT : request.getLocale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String message = new MessageFormat(bundle.getString(code), locale).format(args);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** The original request with its body replaced by the bytes already read. */
    static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
