package io.rollout.dashboard;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.shared.Messages;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/kpis} (every project and the portfolio) and {@code GET /api/projects/{code}/kpis} (one project),
 * read-only, for the PMO, the steering committee and auditors; 403 for other roles, 401 without credentials.
 * The page {@code /dashboard/} draws them.
 */
@RestController
class KpiController {

    static final List<String> READERS = List.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITOR);

    private final KpiDashboard dashboard;
    private final CurrentUser user;
    private final Messages messages;

    KpiController(KpiDashboard dashboard, CurrentUser user, Messages messages) {
        this.dashboard = dashboard;
        this.user = user;
        this.messages = messages;
    }

    @GetMapping("/api/kpis")
    Kpis.Dashboard all() {
        user.requireAnyOf(READERS);
        return user.readAsApplication(() -> dashboard.dashboard(null));
    }

    @GetMapping("/api/projects/{code}/kpis")
    Kpis.Project one(@PathVariable String code) {
        user.requireAnyOf(READERS);
        List<Kpis.Project> projects = user.readAsApplication(() -> dashboard.dashboard(code)).projects();
        if (projects.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, messages.get("project.notFound", code));
        }
        return projects.get(0);
    }

}
