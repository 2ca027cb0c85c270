package io.rollout.shared;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets Tasklist 7.24 complete Camunda Forms that contain a dynamic list. form-js 1.8.7 reports a
 * valid field inside a dynamic list as an entry with no errors ({@code {"Field_Title": []}}), and
 * Tasklist counts entries instead of errors, so the Complete button of such a form never enables:
 * a user could see the rows but never submit them. This filter serves Tasklist's script with that
 * one check counting real errors. If a Camunda upgrade changes the script, the check is left as it
 * is and a warning names the problem (and {@code TasklistDynamicListFixTests} fails).
 */
@Configuration(proxyBeanMethods = false)
class TasklistDynamicListFix {

    static final String SCRIPT = "/camunda/app/tasklist/camunda-tasklist-bootstrap.js";
    static final String ORIGINAL = "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)";
    static final String FIXED = "var t=Object.keys(e.errors).some(function(k){return e.errors[k]&&e.errors[k].length>0});"
        + "h.notifyFormValidated(t)";

    private static final Logger LOG = LoggerFactory.getLogger(TasklistDynamicListFix.class);

    @Bean
    FilterRegistrationBean<Filter> tasklistDynamicListFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(TasklistDynamicListFix::filter);
        registration.setName("rollout-tasklist-dynamic-list");
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
        String script = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (!script.contains(ORIGINAL)) {
            LOG.warn("Tasklist's form validation check was not found in {}: forms with dynamic lists may not "
                + "complete in this Tasklist version", SCRIPT);
            response.copyBodyToResponse();
            return;
        }
        byte[] fixed = script.replace(ORIGINAL, FIXED).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        original.setContentLength(fixed.length);
        original.getOutputStream().write(fixed);
    }
}
