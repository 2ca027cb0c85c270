package io.rollout.governance;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/projects/{code}/cancellation} {@code {"reason": ...}}: the steering committee (or an
 * administrator) cancels a running project; 202 {@code {id}}, 400 with the reason, 403, 404.
 */
@RestController
class CancellationController {

    private final ProjectCancellations cancellations;
    private final ProjectRepository projects;
    private final CurrentUser user;
    private final Messages messages;

    CancellationController(
            ProjectCancellations cancellations, ProjectRepository projects, CurrentUser user, Messages messages) {
        this.cancellations = cancellations;
        this.projects = projects;
        this.user = user;
        this.messages = messages;
    }

    /** The body: why the project is cancelled. */
    record Body(String reason) {}

    @PostMapping("/api/projects/{code}/cancellation")
    ResponseEntity<Map<String, Long>> cancel(@PathVariable String code, @RequestBody Body body) {
        user.requireAnyOf(List.of(Roles.STEERING_COMMITTEE, Roles.ADMIN));
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
        long id = cancellations.cancel(code, body == null ? null : body.reason(), user.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id));
    }
}
