package io.rollout.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources answer a task completion or form submission that lost against a concurrent change with
 * 500 ({@code "type": "RestException"}, {@code "code": 1} — the engine's built-in code for optimistic locking).
 * This filter holds back only 500 answers of {@code /engine-rest}, and turns those with code 1 into a 409 with
 * Rollout's message to reload; every other answer passes through untouched and unbuffered.
 */
class ServerErrorConflicts extends OncePerRequestFilter {

    /** The engine's built-in exception code of an optimistic-locking failure (Camunda's BuiltinExceptionCode). */
    static final int OPTIMISTIC_LOCKING = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;

    ServerErrorConflicts(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldServerError held = new HeldServerError(response);
        chain.doFilter(request, held);
        if (held.body == null) {
            return;
        }
        if (held.writer != null) {
            held.writer.flush();
        }
        byte[] body = held.body.toByteArray();
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        JsonNode answer = parse(body);
        if (answer != null && answer.path("code").asInt(-1) == OPTIMISTIC_LOCKING) {
            ObjectNode conflict = JSON.createObjectNode();
            conflict.put("type", "OptimisticLockingException");
            conflict.put("message", messages.get("form.concurrentChange"));
            conflict.put("code", OPTIMISTIC_LOCKING);
            body = JSON.writeValueAsBytes(conflict);
            status = HttpServletResponse.SC_CONFLICT;
            response.setContentType("application/json");
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Passes everything through, except that from a status 500 on it keeps the body to look at it first. */
    private static final class HeldServerError extends HttpServletResponseWrapper {

        ByteArrayOutputStream body;
        PrintWriter writer;
        private int status = SC_OK;

        HeldServerError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            if (sc == SC_INTERNAL_SERVER_ERROR) {
                body = new ByteArrayOutputStream();
            } else {
                super.setStatus(sc);
            }
        }

        @Override
        public int getStatus() {
            return body != null ? status : super.getStatus();
        }

        @Override
        public void setContentLength(int len) {
            if (body == null) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (body == null) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (body == null || !"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (body == null) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                return super.getOutputStream();
            }
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a held error answer is written synchronously");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (body == null) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), true);
            }
            return writer;
        }
    }
}
