package io.rollout.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.EngineAnswers.Kind;
import io.rollout.shared.Translations;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the engine REST API's and the web apps' engine API's answers in the reader's language
 * ({@link EngineAnswers}); English readers get the engine's answers untouched. Runs after {@link ReaderLanguageFilter}.
 */
@Configuration(proxyBeanMethods = false)
class EngineAnswerFilter {

    static final int ORDER = ReaderLanguageFilter.ORDER + 1;

    private static final Logger LOG = LoggerFactory.getLogger(EngineAnswerFilter.class);

    @Bean
    FilterRegistrationBean<HttpFilter> engineAnswersInReadersLanguage(
            Translations translations,
            ObjectMapper json,
            ProcessEngine engine,
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        EngineAnswers answers = new EngineAnswers(translations, json);
        TaskFormFields forms = new TaskFormFields(engine.getProcessEngineConfiguration());
        List<List<String>> roots = List.of(
                TaskQueryExpressionGuard.normalize(restPath),
                TaskQueryExpressionGuard.normalize(webappPath + "/api/engine"),
                TaskQueryExpressionGuard.normalize(webappPath + "/api"));
        FilterRegistrationBean<HttpFilter> registration =
                new FilterRegistrationBean<>(new Translating(answers, forms, roots));
        registration.setName("rollout-engine-answers");
        registration.addUrlPatterns(
                EngineApiRefusals.mappingPrefix(restPath) + "/*",
                EngineApiRefusals.mappingPrefix(webappPath) + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(ORDER);
        return registration;
    }

    private static final class Translating extends HttpFilter {

        private final EngineAnswers answers;
        private final TaskFormFields forms;
        private final List<List<String>> roots;

        Translating(EngineAnswers answers, TaskFormFields forms, List<List<String>> roots) {
            this.answers = answers;
            this.forms = forms;
            this.roots = roots;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Locale reader = LocaleContextHolder.getLocale();
            Optional<List<String>> path = TaskCompletionGuard.below(roots, request.getRequestURI());
            if (!Translations.chinese(reader)
                    || path.isEmpty()
                    || !List.of("GET", "POST").contains(request.getMethod())
                    || EngineAnswers.kind(path.get()) == Kind.UNTOUCHED) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, buffered);
            String type = String.valueOf(buffered.getContentType());
            if (buffered.getStatus() != HttpServletResponse.SC_OK
                    || !(type.contains("json") || type.contains("html") || type.contains("octet-stream"))) {
                buffered.copyBodyToResponse();
                return;
            }
            // JSON is UTF-8 unless the answer says otherwise; the servlet default (ISO-8859-1) would lose Chinese
            Charset charset = type.toLowerCase(Locale.ROOT).contains("charset=")
                    ? Charset.forName(buffered.getCharacterEncoding())
                    : StandardCharsets.UTF_8;
            String body = new String(buffered.getContentAsByteArray(), charset);
            byte[] translated = translate(path.get(), body, reader).getBytes(StandardCharsets.UTF_8);
            buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
            buffered.resetBuffer();
            buffered.getOutputStream().write(translated);
            buffered.copyBodyToResponse();
        }

        private String translate(List<String> path, String body, Locale reader) {
            try {
                return switch (EngineAnswers.kind(path)) {
                    case FORM -> answers.form(body, reader);
                    case FORM_VARIABLES -> answers.formVariables(body, fields(path), reader);
                    case XML -> answers.xml(body, reader);
                    case NAMES -> body.isBlank() ? body : answers.names(body, reader);
                    case UNTOUCHED -> body;
                };
            } catch (IOException | RuntimeException e) {
                // an answer that is not what its path promises (a plugin's own format): served as the engine gave it
                LOG.debug("Answer of {} left untranslated: {}", path, e.toString());
                return body;
            }
        }

        /** The fields of the form whose variables are asked for: a task's, or a process's start form. */
        private Optional<Set<String>> fields(List<String> path) {
            if (path.get(0).equals("task")) {
                return forms.of(path.get(1));
            }
            if (path.size() == 3) {
                return forms.ofStart(path.get(1), null, null);
            }
            String tenant = path.size() == 6 && path.get(3).equals("tenant-id") ? path.get(4) : null;
            return forms.ofStart(null, path.get(2), tenant);
        }
    }
}
