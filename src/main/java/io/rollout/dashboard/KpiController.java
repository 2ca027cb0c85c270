package io.rollout.dashboard;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.Translations;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis} (every project and the portfolio) and {@code GET /api/projects/{code}/kpis} (one project),
 * read-only, for the PMO, the steering committee and auditors; 403 for other roles, 401 without credentials.
 * The page {@code /dashboard/} draws them. Names Rollout stored in English (projects, milestones, roles) come in the
 * reader's language ({@link Translations}); codes (phases, timeliness) stay codes for the page to label.
 */
@RestController
class KpiController {

    static final List<String> READERS = List.of(Roles.PMO, Roles.STEERING_COMMITTEE, Roles.AUDITOR);

    private final KpiDashboard dashboard;
    private final CurrentUser user;
    private final ProjectAccess access;
    private final Translations translations;

    KpiController(KpiDashboard dashboard, CurrentUser user, ProjectAccess access, Translations translations) {
        this.dashboard = dashboard;
        this.user = user;
        this.access = access;
        this.translations = translations;
    }

    @GetMapping("/api/kpis")
    Kpis.Dashboard all() {
        user.requireAnyOf(READERS);
        Kpis.Dashboard all = user.readAsApplication(() -> dashboard.dashboard(null));
        return new Kpis.Dashboard(
                all.portfolio(), all.projects().stream().map(this::translated).toList());
    }

    @GetMapping("/api/projects/{code}/kpis")
    Kpis.Project one(@PathVariable String code) {
        access.require(code, READERS);
        return translated(user.readAsApplication(() -> dashboard.dashboard(code))
                .projects()
                .get(0));
    }

    private Kpis.Project translated(Kpis.Project p) {
        Locale reader = LocaleContextHolder.getLocale();
        return new Kpis.Project(
                p.code(),
                text(p.name(), reader),
                p.status(),
                p.milestonesOnTime(),
                p.milestonesLate(),
                p.milestonesPending(),
                p.milestones().stream()
                        .map(m -> new Kpis.Milestone(
                                text(m.name(), reader), m.phase(), m.due(), m.phaseEnded(), m.timeliness()))
                        .toList(),
                p.phaseTimes(),
                p.uatCases(),
                p.uatPassed(),
                p.uatPassRate(),
                p.uatPassTarget(),
                p.trainingCoverage().stream()
                        .map(r -> new Kpis.RoleCoverage(text(r.role(), reader), r.trained(), r.planned(), r.percent()))
                        .toList(),
                p.trainingTarget(),
                p.openRisks(),
                p.openHighRisks(),
                p.openIssues(),
                p.incidents(),
                p.openIncidents(),
                p.incidentResolutionHours());
    }

    private String text(String english, Locale reader) {
        return english == null || english.isBlank() ? english : translations.text(english, reader);
    }
}
