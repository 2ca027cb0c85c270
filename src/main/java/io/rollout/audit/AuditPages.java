package io.rollout.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The read-only pages linked from the Camunda welcome page: {@code /audit/} (timeline, tamper check,
 * downloads) and {@code /dashboard/} (KPIs). Both are pages in {@code static/}, sent in the reader's language by
 * {@code shared.PageDocuments}, that call the REST API
 * with the Camunda web apps' session and its CSRF token ({@code identity.WebSecurity}), so they can do no more
 * than the API lets the user do.
 */
@Configuration(proxyBeanMethods = false)
class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the page itself is served in the reader's language by shared.PageDocuments
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addRedirectViewController("/dashboard", "/dashboard/");
    }
}
