package io.rollout.operations;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import java.util.ArrayList;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Hypercare incidents over REST: {@code POST /api/projects/{code}/incidents} {@code {"title", "severity",
 * "module", "description"}} (any working role) opens one with its SLA process, 201 {@code {"id"}}, 400 naming
 * every problem; {@code GET /api/projects/{code}/incidents} (any role) lists them with resolution, SLA due and
 * breach.
 */
@RestController
class IncidentController {

    private final Incidents incidents;
    private final OperationsRepository repository;
    private final ProjectRepository projects;
    private final ProjectScope scope;
    private final CurrentUser user;
    private final Messages messages;

    IncidentController(Incidents incidents, OperationsRepository repository, ProjectRepository projects,
                       ProjectScope scope, CurrentUser user, Messages messages) {
        this.incidents = incidents;
        this.repository = repository;
        this.projects = projects;
        this.scope = scope;
        this.user = user;
        this.messages = messages;
    }

    /** An incident as reported. */
    record Report(String title, String severity, String module, String description) {
    }

    @Transactional
    @PostMapping("/api/projects/{code}/incidents")
    ResponseEntity<Map<String, Integer>> report(@PathVariable String code, @RequestBody Report report) {
        requireProject(code, Roles.WORKING);
        List<String> problems = new ArrayList<>();
        String title = FormInput.text(report.title());
        if (title == null) {
            problems.add(messages.get("form.field.required", "title"));
        }
        if (report.severity() == null || !Incidents.SEVERITIES.contains(report.severity())) {
            problems.add(messages.get("form.field.choice", "severity", String.join(", ", Incidents.SEVERITIES),
                report.severity() == null ? "" : report.severity()));
        }
        String module = FormInput.text(report.module());
        if (module != null && !scope.modules(code).contains(module)) {
            problems.add(messages.get("form.field.choice", "module", String.join(", ", scope.modules(code)), module));
        }
        String description = FormInput.text(report.description());
        if (description != null && description.length() > 2000) {
            problems.add(messages.get("operations.incident.descriptionTooLong", 2000));
        }
        FormInput.refuseIfAny(problems);
        int id = incidents.open(code, title, report.severity(), module, user.id(), null, description);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/api/projects/{code}/incidents")
    List<OperationsRepository.IncidentView> list(@PathVariable String code) {
        requireProject(code, Roles.ALL);
        return repository.incidents(code);
    }

    private void requireProject(String code, List<String> roles) {
        user.requireAnyOf(roles);
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
    }
}
