package io.rollout.shared;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a script of Camunda's web apps with exact corrections of its minified text ({@link Fix}), for the few
 * defects of Tasklist 7.24 that users meet and that no setting reaches. The corrected script gets validators of its
 * own (an ETag of the corrected content), and the original is always fetched whole: a browser that cached the script
 * before, or before a correction changed, loads the corrected one, and caches it. A correction that no longer applies
 * after a Camunda upgrade is left out with a warning naming it; the tests of each correction then fail.
 */
public final class PatchedScript {

    /** One correction: the exact minified text and what replaces it. */
    public record Fix(String name, String original, String fixed) {}

    private static final Set<String> CONDITIONAL = Set.of("if-modified-since", "if-none-match");
    private static final Set<String> VALIDATORS = Set.of("last-modified", "etag");
    private static final Logger LOG = LoggerFactory.getLogger(PatchedScript.class);

    private PatchedScript() {}

    /** A filter that serves {@code script} (a path of the web apps) with the corrections applied. */
    public static FilterRegistrationBean<Filter> filter(String name, String script, List<Fix> fixes) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                (request, response, chain) -> serve(request, response, chain, script, fixes));
        registration.setName(name);
        registration.addUrlPatterns(script);
        return registration;
    }

    /** The script with every correction that applies; a warning for each that does not. */
    public static String apply(String text, String script, List<Fix> fixes) {
        String result = text;
        for (Fix fix : fixes) {
            if (result.contains(fix.original())) {
                result = result.replace(fix.original(), fix.fixed());
            } else {
                LOG.warn(
                        "The correction '{}' does not apply to {}: this Camunda version needs it checked",
                        fix.name(),
                        script);
            }
        }
        return result;
    }

    private static void serve(
            ServletRequest req, ServletResponse res, FilterChain chain, String script, List<Fix> fixes)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse original = (HttpServletResponse) res;
        ContentCachingResponseWrapper response = new ContentCachingResponseWrapper(new OwnValidators(original));
        // always the whole original: a 304 would let a browser keep an uncorrected copy it cached before
        chain.doFilter(new Unconditional(request), response);
        if (response.getStatus() != HttpServletResponse.SC_OK) {
            response.copyBodyToResponse();
            return;
        }
        byte[] fixed = apply(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8), script, fixes)
                .getBytes(StandardCharsets.UTF_8);
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

    /** The response without the validators of the original file: the corrected content gets its own. */
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
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT))
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }
}
