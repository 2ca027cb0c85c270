package io.rollout.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets Tasklist 7.24 complete every Camunda Form a user can fill in. Tasklist's script has two defects that
 * a user meets as a form that cannot be completed; this filter serves the script with both corrected. If a
 * Camunda upgrade changes the script, a fix that no longer applies is left out, a warning names it, and
 * {@code TasklistFormFixesTests} fails.
 *
 * <ul>
 * <li>{@link #VALIDATION}: form-js 1.8.7 keeps a dynamic-list field that was once invalid as an error entry
 *     whose rows are empty ({@code {"Field_MilestoneDueDate": [null, null]}}); Tasklist counts entries, not
 *     errors, so <em>Complete</em> stayed grey without any message after typing into added rows.</li>
 * <li>{@link #NULL_TYPE}: Tasklist submits a list (checklist, tag list, dynamic list) with the type of the
 *     variable it replaces. A variable declared without a value (an input parameter, a value cleared for the
 *     next loop) has the type {@code Null}, and the engine refused the list: "Cannot convert value '[...]' of
 *     type 'Null' to java type javax.lang.model.type.NullType". A list replacing a {@code Null} is sent as
 *     {@code Json}, as Tasklist already does for a variable it has not seen.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class TasklistFormFixes {

    static final String SCRIPT = "/camunda/app/tasklist/camunda-tasklist-bootstrap.js";

    /** One correction of Tasklist's script: the exact minified text and what replaces it. */
    record Fix(String name, String original, String fixed) {
    }

    static final Fix VALIDATION = new Fix("form validation counts real errors",
        "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)",
        "var t=function q(v){return Array.isArray(v)?v.some(q):!!v&&(\"object\"!=typeof v"
            + "||Object.keys(v).some(function(k){return q(v[k])}))}(e.errors);h.notifyFormValidated(t)");

    static final Fix NULL_TYPE = new Fix("a list replacing a Null variable is submitted as Json",
        "if(o)s=o.type,l=o.valueInfo;else{",
        "if(o&&\"Null\"!==o.type)s=o.type,l=o.valueInfo;else{");

    static final List<Fix> FIXES = List.of(VALIDATION, NULL_TYPE);

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFormFixes.class);

    @Bean
    FilterRegistrationBean<Filter> tasklistFormFixesFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(TasklistFormFixes::filter);
        registration.setName("rollout-tasklist-form-fixes");
        registration.addUrlPatterns(SCRIPT);
        return registration;
    }

    private static void filter(ServletRequest request, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        HttpServletResponse original = (HttpServletResponse) res;
        ContentCachingResponseWrapper response = new ContentCachingResponseWrapper(original);
        chain.doFilter(request, response);
        if (response.getStatus() != HttpServletResponse.SC_OK) {
            response.copyBodyToResponse();
            return;
        }
        String script = apply(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
        byte[] fixed = script.getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        original.setContentLength(fixed.length);
        original.getOutputStream().write(fixed);
    }

    static String apply(String script) {
        String result = script;
        for (Fix fix : FIXES) {
            if (result.contains(fix.original())) {
                result = result.replace(fix.original(), fix.fixed());
            } else {
                LOG.warn("Tasklist fix '{}' does not apply to {}: this Tasklist version may not complete some forms",
                    fix.name(), SCRIPT);
            }
        }
        return result;
    }
}
