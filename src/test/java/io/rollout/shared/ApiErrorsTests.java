package io.rollout.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** How Rollout's API answers a request that lost a race against another one (e.g. on another node). */
class ApiErrorsTests {

    @RestController
    static class CompletingController {

        @PostMapping("/api/complete")
        void complete() {
            throw new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[1]' failed. Entity was"
                    + " updated by another transaction concurrently.");
        }
    }

    MockMvc mvc() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/core");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return MockMvcBuilders.standaloneSetup(new CompletingController())
                .setControllerAdvice(new ApiErrors(new Messages(source)))
                .build();
    }

    @Test
    void aConcurrentChangeAnswers409AskingToReloadInsteadOf500() throws Exception {
        mvc().perform(post("/api/complete"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0]")
                        .value("Someone else changed this at the same moment (for example"
                                + " completed the same task on another node), so nothing of your request was stored. Reload and try"
                                + " again."));
    }

    @Test
    void aConcurrentChangeIsExplainedInChinese() throws Exception {
        mvc().perform(post("/api/complete").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("其他人在同一时刻修改了相同内容")));
    }
}
