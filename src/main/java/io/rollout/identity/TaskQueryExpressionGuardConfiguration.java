package io.rollout.identity;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link TaskQueryExpressionGuardFilter} on the engine REST API ({@code /engine-rest/*})
 * and on the webapps' API ({@code /camunda/api/*}, where Tasklist's own engine API lives), right
 * after {@link WebSecurity}: an unauthenticated request still gets its 401 first, and every
 * task query is checked before the Jersey servlet hands it to the engine.
 */
@Configuration(proxyBeanMethods = false)
class TaskQueryExpressionGuardConfiguration {

    static final int ORDER = WebSecurity.ORDER + 10;

    @Bean
    TaskQueryExpressionGuard taskQueryExpressionGuard(
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        return new TaskQueryExpressionGuard(restPath, webappPath);
    }

    @Bean
    FilterRegistrationBean<TaskQueryExpressionGuardFilter> taskQueryExpressionGuardFilter(
            TaskQueryExpressionGuard guard,
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<TaskQueryExpressionGuardFilter> registration =
                new FilterRegistrationBean<>(new TaskQueryExpressionGuardFilter(guard));
        registration.setName("rollout-task-query-expression-guard");
        registration.addUrlPatterns(
                EngineApiRefusals.mappingPrefix(restPath) + "/*",
                EngineApiRefusals.mappingPrefix(webappPath) + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE);
        registration.setOrder(ORDER);
        return registration;
    }
}
