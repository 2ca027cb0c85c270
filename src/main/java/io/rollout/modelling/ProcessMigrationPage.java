package io.rollout.modelling;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The process owners' page {@code /process-migration/} (linked from the Camunda welcome page): a static page that
 * calls {@link ProcessMigrationController} with the web apps' session and its CSRF token, so it can do no more than
 * the API.
 */
@Configuration(proxyBeanMethods = false)
class ProcessMigrationPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the page itself is served in the reader's language by shared.PageDocuments
        registry.addRedirectViewController("/process-migration", "/process-migration/");
    }
}
