package io.rollout.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the engine REST API answer a refused form submission with 400 and our message. A task
 * listener's {@link Messages#reject} reaches the REST layer wrapped twice (the engine wraps listener
 * exceptions, the task resource wraps engine exceptions as "500 Cannot complete task"), which would
 * turn a user's mistake into a server error. Every other exception keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
class RejectedInputMapper {

    @Bean
    ResourceConfigCustomizer rejectedInputExceptionMappers() {
        return config -> config.register(WrappedInEngineException.class).register(WrappedInRestException.class);
    }

    /** The 400 answer when a user's input was rejected somewhere below {@code exception}; otherwise null. */
    static Response rejected(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException rejected) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "BadUserRequestException", "message", rejected.getMessage()))
                    .build();
            }
        }
        return null;
    }

    @Priority(1)
    static class WrappedInEngineException implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response response = rejected(exception);
            return response != null ? response : camunda.toResponse(exception);
        }
    }

    @Priority(1)
    static class WrappedInRestException implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response response = rejected(exception);
            return response != null ? response : camunda.toResponse(exception);
        }
    }
}
