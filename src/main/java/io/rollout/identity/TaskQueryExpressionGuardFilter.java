package io.rollout.identity;

import static io.rollout.identity.EngineApiRefusals.readAtMost;
import static io.rollout.identity.EngineApiRefusals.refuse;
import static jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST;

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
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Servlet filter in front of the engine REST API and the webapps' engine API that refuses, with
 * HTTP 400 and {@code {"type":"InvalidRequestException","message":...}}, every task query request
 * that {@link TaskQueryExpressionGuard} refuses — before the engine sees it. The body is read once,
 * checked and handed on in a buffered request, so the REST resources still read it.
 */
class TaskQueryExpressionGuardFilter extends HttpFilter {

    /** Task queries and filters are small; anything bigger is refused rather than buffered. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

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
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            refuse(
                    request,
                    response,
                    SC_BAD_REQUEST,
                    "security.expressionGuard.tooLarge",
                    String.valueOf(MAX_BODY_BYTES));
            return;
        }
        if (refusal.isEmpty()) {
            refusal = TaskQueryExpressionGuard.checkJson(body);
        }
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            if (r.reason() == Reason.EXPRESSION) {
                refuse(
                        request,
                        response,
                        SC_BAD_REQUEST,
                        "security.expressionGuard.expression",
                        r.field(),
                        TaskQueryExpressionGuard.ALLOWED_TEXT);
            } else {
                refuse(request, response, SC_BAD_REQUEST, "security.expressionGuard.malformed", r.field());
            }
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
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
