package io.rollout.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}, used by Tasklist and by clients such as the load benchmark) answers
 * a conflict between two users as 409 instead of Camunda's default 500: the same task claimed twice, or one change
 * losing against another made at the same moment (an {@code OptimisticLockingException}, e.g. the same task
 * completed on two nodes). The loser's transaction is rolled back entirely, so the client's cue is to reload; the
 * body keeps Camunda's shape ({@code type}, {@code message}, {@code code}). A second claim is mapped here; a lost
 * change reaches the client as Camunda's 500 with the engine's optimistic-locking code, directly or wrapped in
 * "Cannot complete task", and {@link ServerErrorConflicts} turns every such answer into the 409.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

    @Bean
    ResourceConfigCustomizer engineRestConflictAnswers() {
        return config -> config.register(new AlreadyClaimed());
    }

    @Bean
    FilterRegistrationBean<ServerErrorConflicts> engineRestServerErrorConflicts(Messages messages) {
        FilterRegistrationBean<ServerErrorConflicts> registration =
                new FilterRegistrationBean<>(new ServerErrorConflicts(messages));
        registration.setName("rollout-engine-rest-conflicts");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Someone else claimed the task first; Camunda's own message names the task. */
    static final class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {

        @Override
        public Response toResponse(TaskAlreadyClaimedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TaskAlreadyClaimedException.class.getSimpleName());
            body.put("message", e.getMessage());
            body.put("code", 0);
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
    }
}
