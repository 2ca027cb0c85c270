package io.rollout.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rollout's own API answers every refusal in one shape, {@code {"errors": [...]}} with one reason per line (at most
 * {@value FirstErrors#MAX} and how many more, see {@link FirstErrors}):
 * refused input (400), the 403/404 of {@code ResponseStatusException}s such as those of {@code CurrentUser}, and 409
 * when another request changed the same process state first (e.g. the same task completed at the same time on
 * another node of a cluster): the engine's {@link OptimisticLockingException} rolls the loser back entirely, so
 * this is the client's cue to reload, not a server fault.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;

    ApiErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, List<String>>> refused(BadUserRequestException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("errors", FirstErrors.of(List.of(e.getMessage().split("\n")), messages)));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, List<String>>> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
                .body(Map.of(
                        "errors",
                        List.of(e.getReason() == null ? e.getStatusCode().toString() : e.getReason())));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Map<String, List<String>>> conflict(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("errors", List.of(messages.get("form.concurrentChange"))));
    }

    /**
     * The same shape written by a filter that answers before Spring MVC runs (the security layer, the upload limit):
     * {@code status} with {@code {"errors": [message]}}.
     */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("errors", List.of(message))));
    }
}
