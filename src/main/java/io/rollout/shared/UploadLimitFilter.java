package io.rollout.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Refuses a request body larger than its limit before anything reads it: 413 with {@code {"errors": [...]}} naming
 * the limit when the Content-Length says so, and a body sent without a length is cut off at the limit while it is
 * read. Limits: the migration's extract upload {@code rollout.migration.max-upload-size}; the engine's APIs (Tasklist
 * submits the extract of the embedded upload form as a base64 variable) a third more than that; the rest of
 * {@code /api} {@link UploadLimit} ({@code rollout.uploads.max-size}). The servlet's own multipart limit stays the
 * outer bound of what is written to disk for a request without a length.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter {

    /** Room for the multipart envelope around a file of the limit's size. */
    static final long ENVELOPE = 64 * 1024;

    private static final Pattern EXTRACT = Pattern.compile("/api/projects/[^/]+/datasets/[^/]+/extracts/?");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @Bean
    FilterRegistrationBean<Filter> uploadLimitFilterRegistration(
            UploadLimit uploads,
            Messages messages,
            @Value("${rollout.migration.max-upload-size:200MB}") DataSize extract) {
        long extractMax = extract.toBytes();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((req, res, chain) ->
                filter((HttpServletRequest) req, (HttpServletResponse) res, chain, uploads, messages, extractMax));
        registration.setName("rollout-upload-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/engine/*");
        // after the authentication filters (a stranger is told 401, not how large an upload may be), before
        // anything reads the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    private static void filter(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            UploadLimit uploads,
            Messages messages,
            long extractMax)
            throws IOException, ServletException {
        if (!BODY_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit;
        long shown;
        if (EXTRACT.matcher(path).matches()) {
            limit = extractMax + ENVELOPE;
            shown = extractMax;
        } else if (path.startsWith("/api/")) {
            limit = uploads.maxBytes() + ENVELOPE;
            shown = uploads.maxBytes();
        } else {
            limit = extractMax + extractMax / 3 + ENVELOPE;
            shown = limit;
        }
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, messages, shown, length);
            return;
        }
        chain.doFilter(length < 0 ? new Bounded(request, limit) : request, response);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, Messages messages, long limit, long sent)
            throws IOException {
        // the request's language is resolved later, in the dispatcher: take it from the request itself here
        LocaleContextHolder.setLocale(request.getLocale());
        String message;
        try {
            message = messages.get("form.file.tooLarge", UploadLimit.megabytes(limit), String.valueOf(sent));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        // the client may still be sending: tell it not to keep the connection for another request
        response.setHeader("Connection", "close");
        ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, message);
    }

    /** A request without a length whose body ends with an error once it is longer than the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("request body larger than " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
