package io.rollout.identity;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link TaskCompletionGuardFilter} on the engine REST API ({@code /engine-rest/*}) and on the web apps'
 * API ({@code /camunda/api/*}, where Tasklist completes tasks), after {@link RestAuthentication} and the task query
 * guard: an unauthenticated request still gets its 401 first.
 */
@Configuration(proxyBeanMethods = false)
class TaskCompletionGuardConfiguration {

    static final int ORDER = TaskQueryExpressionGuardConfiguration.ORDER + 10;

    @Bean
    FilterRegistrationBean<TaskCompletionGuardFilter> taskCompletionGuardFilter(
            ProcessEngine engine,
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        FilterRegistrationBean<TaskCompletionGuardFilter> registration =
                new FilterRegistrationBean<>(new TaskCompletionGuardFilter(
                        new TaskCompletionGuard(restPath, webappPath),
                        new TaskFormFields(configuration),
                        configuration));
        registration.setName("rollout-task-completion-guard");
        registration.addUrlPatterns(
                EngineApiRefusals.mappingPrefix(restPath) + "/*",
                EngineApiRefusals.mappingPrefix(webappPath) + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE);
        registration.setOrder(ORDER);
        return registration;
    }
}
