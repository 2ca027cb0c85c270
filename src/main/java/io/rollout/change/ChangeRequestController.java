package io.rollout.change;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Change requests over HTTP: {@code POST /api/projects/{code}/change-requests} raises one (PMO, consultants,
 * business owners, key users, administrators; 201 {@code {id}}, 400 with every reason, 403, 404);
 * {@code GET} lists the project's change requests with their status, impact and decisions (any role).
 */
@RestController
@RequestMapping("/api/projects/{code}/change-requests")
class ChangeRequestController {

    static final Set<String> RAISERS =
            Set.of(Roles.PMO, Roles.CONSULTANT, Roles.BUSINESS_OWNER, Roles.KEY_USER, Roles.ADMIN);

    private final ChangeRequests changeRequests;
    private final ChangeRequestRepository repository;
    private final ProjectAccess access;
    private final DecisionLog decisions;
    private final CurrentUser user;

    ChangeRequestController(
            ChangeRequests changeRequests,
            ChangeRequestRepository repository,
            ProjectAccess access,
            DecisionLog decisions,
            CurrentUser user) {
        this.changeRequests = changeRequests;
        this.repository = repository;
        this.access = access;
        this.decisions = decisions;
        this.user = user;
    }

    /** The body of a new change request; milestones by id or exact name. */
    record NewChangeRequest(
            String description, String reason, List<String> affectedRequirements, List<String> affectedMilestones) {}

    /** A change request with the decisions logged on it. */
    record ChangeRequestView(ChangeRequest changeRequest, List<Decision> decisions) {}

    @PostMapping
    ResponseEntity<Map<String, Long>> raise(@PathVariable String code, @RequestBody NewChangeRequest body) {
        access.require(code, RAISERS);
        long id = changeRequests.raise(
                code,
                body.description(),
                body.reason(),
                body.affectedRequirements() == null ? List.of() : body.affectedRequirements(),
                body.affectedMilestones() == null ? List.of() : body.affectedMilestones(),
                user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping
    List<ChangeRequestView> list(@PathVariable String code) {
        access.require(code, Roles.ALL);
        List<Decision> logged = decisions.forProject(code);
        return repository.forProject(code).stream()
                .map(cr -> new ChangeRequestView(
                        cr,
                        logged.stream()
                                .filter(d -> ChangeRequest.subject(cr.id()).equals(d.subject()))
                                .toList()))
                .toList();
    }
}
