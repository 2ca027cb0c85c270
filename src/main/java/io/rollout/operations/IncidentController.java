package io.rollout.operations;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hypercare incidents over REST: {@code POST /api/projects/{code}/incidents} {@code {"title", "severity",
 * "module", "description"}} (any working role) opens one with its SLA process, 201 {@code {"id"}}, 400 naming
 * every problem; {@code GET /api/projects/{code}/incidents} (any role) lists them with resolution, SLA due and
 * breach. The rules are {@link IncidentRules}.
 */
@RestController
class IncidentController {

    private final Incidents incidents;
    private final IncidentRepository repository;
    private final ProjectAccess access;
    private final ProjectScope scope;
    private final CurrentUser user;
    private final Messages messages;

    IncidentController(
            Incidents incidents,
            IncidentRepository repository,
            ProjectAccess access,
            ProjectScope scope,
            CurrentUser user,
            Messages messages) {
        this.incidents = incidents;
        this.repository = repository;
        this.access = access;
        this.scope = scope;
        this.user = user;
        this.messages = messages;
    }

    @Transactional
    @PostMapping("/api/projects/{code}/incidents")
    ResponseEntity<Map<String, Integer>> report(@PathVariable String code, @RequestBody IncidentRules.Report report) {
        access.require(code, Roles.WORKING);
        List<Problem> problems = IncidentRules.checkReport(report, scope.modules(code));
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        int id = incidents.open(
                code,
                FormInput.text(report.title()),
                report.severity(),
                FormInput.text(report.module()),
                user.id(),
                null,
                FormInput.text(report.description()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/api/projects/{code}/incidents")
    List<IncidentRepository.IncidentView> list(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return repository.incidents(code);
    }
}
