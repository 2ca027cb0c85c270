package io.rollout.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The read-only pages linked from the Camunda welcome page: {@code /audit/} (timeline, tamper check,
 * downloads) and {@code /dashboard/} (KPIs). Both are static pages in {@code static/} that call the REST API
 * with the Camunda web apps' session and its CSRF token ({@code identity.WebSecurity}), so they can do no more
 * than the API lets the user do.
 */
@Configuration(proxyBeanMethods = false)
class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
        registry.addRedirectViewController("/dashboard", "/dashboard/");
    }
}
