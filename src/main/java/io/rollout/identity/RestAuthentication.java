package io.rollout.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP basic authentication against Camunda's users for the engine REST API ({@code /engine-rest/*})
 * and Rollout's own API ({@code /api/*}). The filter also sets the engine's authentication for the
 * request, so Camunda authorizations apply to everything the request does. The task sheet endpoints
 * ({@code /api/tasks/*}) also take the Tasklist session with its CSRF token, see {@link ApiAuthenticationFilter}.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(MessageSource messages) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
            new FilterRegistrationBean<>(new ApiAuthenticationFilter(messages));
        registration.setName("rollout-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(ORDER);
        return registration;
    }
}
