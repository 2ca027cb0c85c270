package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServerErrorConflictsTests {

    static final String LOST =
            "{\"type\":\"RestException\",\"message\":\"Cannot complete task 6e7a: ENGINE-03005 Execution"
                    + " of 'UPDATE VariableInstanceEntity[6e7b]' failed. Entity was updated by another transaction concurrently.\","
                    + "\"code\":1}";

    ServerErrorConflicts filter;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/core");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        filter = new ServerErrorConflicts(new Messages(source));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    static FilterChain answering(int status, String body) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setContentType("application/json");
            http.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/6e7a/complete");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aCompletionLostToAConcurrentChangeBecomesAConflictAskingToReload() throws Exception {
        MockHttpServletResponse response = run(answering(500, LOST));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString())
                .contains(
                        "\"type\":\"OptimisticLockingException\"",
                        "Someone else changed this at the same moment",
                        "Reload and try again",
                        "\"code\":1");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void aLostConcurrentChangeAnsweredDirectlyBecomesAConflictToo() throws Exception {
        MockHttpServletResponse response = run(answering(
                500,
                "{\"type\":\"OptimisticLockingException\",\"message\":"
                        + "\"ENGINE-03005 Execution of 'UPDATE TaskEntity[1]' failed.\",\"code\":1}"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("OptimisticLockingException", "Reload and try again");
    }

    @Test
    void otherServerErrorsAndEveryOtherAnswerPassUnchanged() throws Exception {
        String other = "{\"type\":\"RestException\",\"message\":\"Cannot complete task x: task is null\",\"code\":0}";
        MockHttpServletResponse failed = run(answering(500, other));
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getContentAsString()).isEqualTo(other);

        MockHttpServletResponse ok = run(answering(200, "[{\"id\":\"6e7a\"}]"));
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).isEqualTo("[{\"id\":\"6e7a\"}]");

        MockHttpServletResponse text = run(answering(500, "not json"));
        assertThat(text.getStatus()).isEqualTo(500);
        assertThat(text.getContentAsString()).isEqualTo("not json");
    }
}
