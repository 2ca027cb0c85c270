package io.rollout.operations;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User feedback and the improvement backlog: {@code POST /api/projects/{code}/feedback} {@code {"kind", "module",
 * "text"}} (any working role; kind bug, improvement or training), {@code GET /api/projects/{code}/backlog} (any
 * role), and {@code POST /api/projects/{code}/feedback/{id}/triage} {@code {"decision", "priority", "reason"}} (pmo):
 * accept into the backlog with a priority, reject with the reason, or promote to a change request, which then runs
 * through change control. 400 names every problem and stores nothing; 409 for an item already decided. The rules
 * are {@link FeedbackRules}, the work {@link FeedbackService}'s.
 */
@RestController
class FeedbackController {

    private final FeedbackService feedback;
    private final ProjectAccess access;
    private final CurrentUser user;

    FeedbackController(FeedbackService feedback, ProjectAccess access, CurrentUser user) {
        this.feedback = feedback;
        this.access = access;
        this.user = user;
    }

    @PostMapping("/api/projects/{code}/feedback")
    ResponseEntity<Map<String, Long>> report(@PathVariable String code, @RequestBody FeedbackRules.NewFeedback body) {
        access.require(code, Roles.WORKING);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", feedback.report(code, body, user.id())));
    }

    @GetMapping("/api/projects/{code}/backlog")
    List<FeedbackRepository.Item> backlog(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return feedback.items(code);
    }

    @PostMapping("/api/projects/{code}/feedback/{id}/triage")
    Map<String, Object> triage(
            @PathVariable String code, @PathVariable long id, @RequestBody FeedbackRules.Triage body) {
        access.require(code, List.of(Roles.PMO));
        return feedback.triage(code, id, body, user.id());
    }
}
