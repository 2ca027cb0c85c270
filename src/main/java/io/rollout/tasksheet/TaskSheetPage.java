package io.rollout.tasksheet;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page {@code /task-sheet/} ({@code static/task-sheet/}) that the iframe of the task forms listed at
 * {@link TaskSheet} shows: "Download as Excel" and an upload, labelled in the reader's language
 * ({@code GET /api/pages/tasksheet/texts}). It takes the task from the Tasklist URL it is shown in (or its own {@code ?task=}) and calls {@link TaskSheetController} with the
 * Tasklist session and its CSRF token; after an upload it drops Tasklist's saved draft of the form and has Tasklist
 * draw the form again from the task's variables, so the user sees the new rows.
 */
@Configuration(proxyBeanMethods = false)
class TaskSheetPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the page itself is served in the reader's language by shared.PageDocuments
        registry.addRedirectViewController("/task-sheet", "/task-sheet/");
    }
}
