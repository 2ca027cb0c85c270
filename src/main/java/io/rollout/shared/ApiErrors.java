package io.rollout.shared;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rollout's own API answers every refusal in one shape, {@code {"errors": [...]}} with one reason per line:
 * refused input (400), and the 403/404 of {@code ResponseStatusException}s such as those of {@code CurrentUser}.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, List<String>>> refused(BadUserRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", List.of(e.getMessage().split("\n"))));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, List<String>>> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
            .body(Map.of("errors", List.of(e.getReason() == null ? e.getStatusCode().toString() : e.getReason())));
    }
}
