package io.rollout.migration;

import io.rollout.shared.FormTexts;
import io.rollout.shared.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Serves the embedded HTML forms of {@code forms/embedded/} at {@code /forms/embedded/}, where Tasklist
 * loads {@code UserTask_UploadExtract}'s form ({@code camunda:formKey="embedded:/forms/embedded/upload-extract.html"}).
 * An {@code embedded:app:} key needs a process application's context path, which this Spring Boot
 * application does not register, and {@code embedded:deployment:} depends on resource names that differ
 * between the jar and the IDE; a plain path works in both. Camunda Forms ({@code .form}) stay in the
 * deployment. A form is served in the reader's language ({@link FormTexts}, {@link Translations}); it is not
 * cached, so a person who switches language gets the form in the new one.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedForms implements WebMvcConfigurer {

    private final Translations translations;

    EmbeddedForms(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/embedded/**")
                .addResourceLocations("classpath:/forms/embedded/")
                .setCacheControl(CacheControl.noStore())
                .resourceChain(false)
                .addTransformer(new InReadersLanguage());
    }

    private final class InReadersLanguage implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource served = chain.transform(request, resource);
            Locale reader = LocaleContextHolder.getLocale();
            String name = served.getFilename();
            if (!Translations.chinese(reader) || name == null || !name.endsWith(".html")) {
                return served;
            }
            String html = served.getContentAsString(StandardCharsets.UTF_8);
            String translated = FormTexts.translatedHtml(html, text -> translations.formText(text, reader));
            return new TransformedResource(served, translated.getBytes(StandardCharsets.UTF_8));
        }
    }
}
