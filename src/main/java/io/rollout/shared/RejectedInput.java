package io.rollout.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A user's input refused by Rollout (a form submission, a start form) answers 400 with the reason,
 * through the engine REST API and through the web apps' API that Tasklist calls. The engine wraps
 * every exception of a task or execution listener ("ENGINE-03051 Exception while invoking
 * TaskListener") and the REST resources turn that into "500 Cannot submit task form", which would
 * present a user's mistake as a server fault. So a refusal marks the request it happens in, and a
 * filter on the REST paths replaces that 500 with a 400 carrying only the refusal's message (its first
 * {@value FirstErrors#MAX} lines and how many more, see {@link FirstErrors}).
 */
@Configuration(proxyBeanMethods = false)
public class RejectedInput {

    static final String ATTRIBUTE = RejectedInput.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exception that refuses a user's input with this message (one reason per line). */
    public static BadUserRequestException of(String message) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, message, RequestAttributes.SCOPE_REQUEST);
        }
        return new BadUserRequestException(message);
    }

    @Bean
    FilterRegistrationBean<Filter> rejectedInputFilter(Messages messages) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>((req, res, chain) -> filter(req, res, chain, messages));
        registration.setName("rollout-rejected-input");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // inside the authentication filter, so the refusal is known before the response is written
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    private static void filter(ServletRequest req, ServletResponse res, FilterChain chain, Messages messages)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if ("GET".equals(request.getMethod())) {
            // reads refuse nothing: don't buffer task lists
            chain.doFilter(req, res);
            return;
        }
        ContentCachingResponseWrapper response = new ContentCachingResponseWrapper((HttpServletResponse) res);
        chain.doFilter(request, response);
        Object message = request.getAttribute(ATTRIBUTE);
        if (message != null && response.getStatus() >= 500) {
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write(JSON.writeValueAsString(Map.of(
                            "type",
                            "BadUserRequestException",
                            "message",
                            String.join(
                                    "\n",
                                    FirstErrors.of(List.of(message.toString().split("\n")), messages)))));
            response.getWriter().flush();
        }
        response.copyBodyToResponse();
    }
}
