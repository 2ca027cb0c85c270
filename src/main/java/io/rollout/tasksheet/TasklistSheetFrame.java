package io.rollout.tasksheet;

import io.rollout.shared.PatchedScript;
import io.rollout.shared.PatchedScript.Fix;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the Camunda Forms of Tasklist 7.24 show our task sheet page in their {@code iframe} component. form-js 1.8.7
 * shows an iframe only for an {@code https://} URL, so neither a relative URL nor a server reached over http (a
 * developer's machine, the tests) could embed a page of the application itself. This filter serves the web apps'
 * library script with that one check also accepting the same-origin path {@code /task-sheet/} (with a query, nothing
 * else; {@link PatchedScript}). If a Camunda upgrade changes the script, it is served unchanged, a warning names the
 * problem, and {@code TaskSheetPageTests} fails.
 */
@Configuration(proxyBeanMethods = false)
class TasklistSheetFrame {

    static final String SCRIPT = "/camunda/lib/deps.js";
    static final String ORIGINAL = "Ue=/^(https):\\/\\/*/i";
    static final String FIXED = "Ue=/^((https):\\/\\/*|\\/task-sheet\\/(\\?|$))/i";

    @Bean
    FilterRegistrationBean<Filter> tasklistSheetFrameFilter() {
        return PatchedScript.filter(
                "rollout-tasklist-sheet-frame",
                SCRIPT,
                List.of(new Fix("task forms show the Excel page /task-sheet/ in their iframe", ORIGINAL, FIXED)));
    }
}
