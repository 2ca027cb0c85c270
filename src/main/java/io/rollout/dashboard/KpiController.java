package io.rollout.dashboard;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

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
    private final ProjectAccess access;

    KpiController(KpiDashboard dashboard, CurrentUser user, ProjectAccess access) {
        this.dashboard = dashboard;
        this.user = user;
        this.access = access;
    }

    @GetMapping("/api/kpis")
    Kpis.Dashboard all() {
        user.requireAnyOf(READERS);
        return user.readAsApplication(() -> dashboard.dashboard(null));
    }

    @GetMapping("/api/projects/{code}/kpis")
    Kpis.Project one(@PathVariable String code) {
        access.require(code, READERS);
        return user.readAsApplication(() -> dashboard.dashboard(code))
                .projects()
                .get(0);
    }
}
