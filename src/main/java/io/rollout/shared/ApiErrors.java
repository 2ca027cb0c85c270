package io.rollout.shared;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Rollout's own API answers refused input with 400 and one reason per line: {@code {"errors": [...]}}. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, List<String>>> refused(BadUserRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", List.of(e.getMessage().split("\n"))));
    }
}
