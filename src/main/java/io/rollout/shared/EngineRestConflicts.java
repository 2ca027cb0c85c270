package io.rollout.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}, used by Tasklist and by clients such as the load benchmark) answers
 * a conflict between two users as 409 instead of Camunda's default 500: the same task claimed twice, or one change
 * losing against another made at the same moment (an {@link OptimisticLockingException}, e.g. the same task
 * completed on two nodes). The loser's transaction is rolled back entirely, so the client's cue is to reload; the
 * body keeps Camunda's shape ({@code type}, {@code message}, {@code code}). Completing or submitting a task wraps
 * the engine's exception in Camunda's own 500 answer; {@link ServerErrorConflicts} turns those whose code is the
 * engine's optimistic-locking code into the same 409.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

    @Bean
    ResourceConfigCustomizer engineRestConflictAnswers(Messages messages) {
        return config -> {
            config.register(new OptimisticLocking(messages));
            config.register(new AlreadyClaimed());
        };
    }

    @Bean
    FilterRegistrationBean<ServerErrorConflicts> engineRestServerErrorConflicts(Messages messages) {
        FilterRegistrationBean<ServerErrorConflicts> registration =
            new FilterRegistrationBean<>(new ServerErrorConflicts(messages));
        registration.setName("rollout-engine-rest-conflicts");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    static Response conflict(String type, String message, int code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", code);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Another transaction changed the same engine state first. */
    static final class OptimisticLocking implements ExceptionMapper<OptimisticLockingException> {

        private final Messages messages;

        OptimisticLocking(Messages messages) {
            this.messages = messages;
        }

        @Override
        public Response toResponse(OptimisticLockingException e) {
            return conflict(OptimisticLockingException.class.getSimpleName(), messages.get("form.concurrentChange"),
                ServerErrorConflicts.OPTIMISTIC_LOCKING);
        }
    }

    /** Someone else claimed the task first; Camunda's own message names the task. */
    static final class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {

        @Override
        public Response toResponse(TaskAlreadyClaimedException e) {
            return conflict(TaskAlreadyClaimedException.class.getSimpleName(), e.getMessage(), 0);
        }
    }
}
