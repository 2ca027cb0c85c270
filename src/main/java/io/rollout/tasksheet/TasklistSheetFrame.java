package io.rollout.tasksheet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets the Camunda Forms of Tasklist 7.24 show our task sheet page in their {@code iframe} component. form-js 1.8.7
 * shows an iframe only for an {@code https://} URL, so neither a relative URL nor a server reached over http (a
 * developer's machine, the tests) could embed a page of the application itself. This filter serves the web apps'
 * library script with that one check also accepting the same-origin path {@code /task-sheet/} (with a query, nothing
 * else). The script keeps a validator of its own (an ETag of the changed content), so browsers cache it and pick up
 * a new version. If a Camunda upgrade changes the script, it is served unchanged, a warning names the problem, and
 * {@code TasklistSheetFrameTests} fails.
 */
@Configuration(proxyBeanMethods = false)
class TasklistSheetFrame {

    static final String SCRIPT = "/camunda/lib/deps.js";
    static final String ORIGINAL = "Ue=/^(https):\\/\\/*/i";
    static final String FIXED = "Ue=/^((https):\\/\\/*|\\/task-sheet\\/(\\?|$))/i";

    private static final Set<String> CONDITIONAL = Set.of("if-modified-since", "if-none-match");
    private static final Set<String> VALIDATORS = Set.of("last-modified", "etag");
    private static final Logger LOG = LoggerFactory.getLogger(TasklistSheetFrame.class);

    @Bean
    FilterRegistrationBean<Filter> tasklistSheetFrameFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(TasklistSheetFrame::filter);
        registration.setName("rollout-tasklist-sheet-frame");
        registration.addUrlPatterns(SCRIPT);
        return registration;
    }

    private static void filter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse original = (HttpServletResponse) res;
        ContentCachingResponseWrapper response = new ContentCachingResponseWrapper(new OwnValidators(original));
        // always the whole original: a 304 would let a browser keep an unchanged copy it cached before
        chain.doFilter(new Unconditional(request), response);
        String script = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (response.getStatus() != HttpServletResponse.SC_OK || !script.contains(ORIGINAL)) {
            if (response.getStatus() == HttpServletResponse.SC_OK) {
                LOG.warn("The iframe check of form-js was not found in {}: task forms cannot show the Excel page "
                    + "/task-sheet/ in this Camunda version", SCRIPT);
            }
            response.copyBodyToResponse();
            return;
        }
        byte[] fixed = script.replace(ORIGINAL, FIXED).getBytes(StandardCharsets.UTF_8);
        String etag = "\"rollout-" + sha256(fixed) + "\"";
        response.resetBuffer();
        original.setHeader("ETag", etag);
        String known = request.getHeader("If-None-Match");
        if (known != null && known.contains(etag)) {
            original.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            original.setContentLength(0);
            return;
        }
        original.setContentLength(fixed.length);
        original.getOutputStream().write(fixed);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response without the validators of the original file: the changed content gets its own. */
    private static final class OwnValidators extends HttpServletResponseWrapper {

        OwnValidators(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!VALIDATORS.contains(name.toLowerCase(Locale.ROOT))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!VALIDATORS.contains(name.toLowerCase(Locale.ROOT))) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!VALIDATORS.contains(name.toLowerCase(Locale.ROOT))) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!VALIDATORS.contains(name.toLowerCase(Locale.ROOT))) {
                super.addDateHeader(name, date);
            }
        }
    }

    /** The request without its conditional headers. */
    private static final class Unconditional extends HttpServletRequestWrapper {

        Unconditional(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }
}
