package io.rollout.governance;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A status report or steering review shows the project as it is when the form is opened. Tasklist reads a task's
 * form variables once, when the user opens the task ({@code GET .../task/{id}/form-variables}, also under
 * {@code /engine-rest} for REST clients), and never again while the form is open, not even after a claim: that
 * request is the one moment at which fresh facts reach the reader, so this filter has
 * {@link StatusReportWriter#refresh} read them again just before it. Only the open report tasks change, and only
 * their facts (derived data no decision rests on); the request itself is then answered, and authorized, by Camunda
 * as always.
 */
@Configuration(proxyBeanMethods = false)
class ReportFactsOnOpen {

    static final Pattern FORM_VARIABLES = Pattern.compile("/task/([^/]+)/form-variables$");

    @Bean
    FilterRegistrationBean<Filter> reportFactsOnOpenFilter(StatusReportWriter writer) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>((request, response, chain) -> filter(writer, request, response, chain));
        registration.setName("rollout-report-facts-on-open");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // after the authentication filters: a request they refuse refreshes nothing
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    private static void filter(StatusReportWriter writer, ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if ("GET".equals(request.getMethod())) {
            Matcher task = FORM_VARIABLES.matcher(request.getRequestURI());
            if (task.find()) {
                try {
                    writer.refresh(task.group(1));
                } catch (OptimisticLockingException e) {
                    // someone opened the same report at the same moment and refreshed it: the facts are fresh
                }
            }
        }
        chain.doFilter(req, res);
    }
}
