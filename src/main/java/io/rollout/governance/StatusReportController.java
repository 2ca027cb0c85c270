package io.rollout.governance;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectRepository;
import io.rollout.shared.Messages;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/projects/{code}/status-reports}: the weekly status reports and steering reviews, oldest first. */
@RestController
class StatusReportController {

    private final StatusReportRepository reports;
    private final ProjectRepository projects;
    private final CurrentUser user;
    private final Messages messages;

    StatusReportController(
            StatusReportRepository reports, ProjectRepository projects, CurrentUser user, Messages messages) {
        this.reports = reports;
        this.projects = projects;
        this.user = user;
        this.messages = messages;
    }

    @GetMapping("/api/projects/{code}/status-reports")
    List<StatusReport> list(@PathVariable String code) {
        user.requireAnyOf(Roles.ALL);
        if (!projects.exists(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
        return reports.forProject(code);
    }
}
