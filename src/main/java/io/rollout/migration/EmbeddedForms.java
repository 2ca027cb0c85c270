package io.rollout.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the embedded HTML forms of {@code forms/embedded/} at {@code /forms/embedded/}, where Tasklist
 * loads {@code UserTask_UploadExtract}'s form ({@code camunda:formKey="embedded:/forms/embedded/upload-extract.html"}).
 * An {@code embedded:app:} key needs a process application's context path, which this Spring Boot
 * application does not register, and {@code embedded:deployment:} depends on resource names that differ
 * between the jar and the IDE; a plain path works in both. Camunda Forms ({@code .form}) stay in the
 * deployment.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedForms implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/embedded/**").addResourceLocations("classpath:/forms/embedded/");
    }
}
