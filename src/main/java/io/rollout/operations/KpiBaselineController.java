package io.rollout.operations;

import io.rollout.identity.CurrentUser;
import io.rollout.identity.Roles;
import io.rollout.project.ProjectAccess;
import io.rollout.shared.Messages;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The KPI baseline the PMO captures at planning: {@code PUT /api/projects/{code}/kpi-baseline} (pmo) with the
 * manual hours per month, error rate, satisfaction (1–5, the survey's average with up to two decimals), issue resolution hours, target share of active users,
 * planned go-live date and, for the ROI, hourly rate and project cost; {@code GET} the same (any role). The
 * post-implementation review compares its KPIs with it. 400 names every problem and stores nothing.
 */
@RestController
class KpiBaselineController {

    /** The baseline as sent. */
    record Body(
            BigDecimal manualHoursPerMonth,
            BigDecimal errorRatePct,
            BigDecimal satisfaction,
            BigDecimal resolutionHours,
            BigDecimal targetActiveUsersPct,
            String plannedGoLive,
            BigDecimal hourlyRate,
            BigDecimal projectCost) {}

    private final KpiBaselineRepository repository;
    private final ProjectAccess access;
    private final CurrentUser user;
    private final Messages messages;

    KpiBaselineController(KpiBaselineRepository repository, ProjectAccess access, CurrentUser user, Messages messages) {
        this.repository = repository;
        this.access = access;
        this.user = user;
        this.messages = messages;
    }

    @PutMapping("/api/projects/{code}/kpi-baseline")
    KpiBaseline capture(@PathVariable String code, @RequestBody Body body) {
        access.require(code, List.of(Roles.PMO));
        KpiBaselineRules.Result result = KpiBaselineRules.check(
                body.manualHoursPerMonth(),
                body.errorRatePct(),
                body.satisfaction(),
                body.resolutionHours(),
                body.targetActiveUsersPct(),
                body.plannedGoLive(),
                body.hourlyRate(),
                body.projectCost());
        if (!result.problems().isEmpty()) {
            throw io.rollout.shared.Problem.reject(messages, result.problems());
        }
        KpiBaseline baseline = result.baseline();
        repository.save(code, baseline, user.id());
        return baseline;
    }

    @GetMapping("/api/projects/{code}/kpi-baseline")
    KpiBaseline read(@PathVariable String code) {
        access.require(code, Roles.ALL);
        return repository
                .baseline(code)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, messages.get("operations.baseline.none", code)));
    }
}
