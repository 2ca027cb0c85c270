package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Dates;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Listener of {@code UserTask_ReviewPostImplementation} in {@code operationsPhase}. On create it prefills what the
 * system knows as two read-only tables: the KPIs against the baseline captured at planning with what was measured
 * ({@code reviewMeasures}: error rate from UAT, issue resolution time from the incidents, go-live against plan) and
 * the incidents by severity ({@code incidentFigures}). On complete it checks what the PMO entered with
 * {@link PostImplementationReviewRules}, measures again (the figures are never taken from the form), stores
 * {@code post_implementation_review} and records decision {@code postImplementationReview} with the comparison.
 *
 * <p>Reads {@code projectCode}, {@code hoursSavedPerMonth}, {@code satisfaction}, {@code activeUsersPct},
 * {@code notes}; writes {@code reviewComparison}.
 */
@Component("postImplementationReview")
class PostImplementationReview extends FormTaskListener {

    private final PostImplementationReviewRules rules = new PostImplementationReviewRules();
    private final OperationsRepository repository;
    private final KpiBaselineRepository baselines;
    private final ReviewMeasures measures;
    private final DecisionLog decisions;
    private final Messages messages;

    PostImplementationReview(
            OperationsRepository repository,
            KpiBaselineRepository baselines,
            ReviewMeasures measures,
            DecisionLog decisions,
            Messages messages) {
        this.repository = repository;
        this.baselines = baselines;
        this.measures = measures;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Optional<KpiBaseline> baseline = baselines.baseline(projectCode);
        task.setVariableLocal(
                "baselineNote", baseline.isPresent() ? "" : messages.forRecord("operations.baseline.missing"));
        TaskForms.prefill(
                task, "reviewMeasures", JsonRows.of(table(baseline.orElse(null), measures.measure(projectCode))));
        TaskForms.prefill(
                task,
                "incidentFigures",
                JsonRows.of(measures.incidents(projectCode).stream()
                        .map(this::incidentRow)
                        .toList()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Optional<KpiBaseline> baseline = baselines.baseline(projectCode);
        ReviewMeasures.Measured measured = measures.measure(projectCode);
        PostImplementationReviewRules.Result result = rules.check(task.getVariables());
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        PostImplementationReviewRules.Kpis k = result.kpis();
        String user = TaskForms.currentUser(task);
        repository.saveReview(projectCode, k, baseline.orElse(null), measured, user);
        List<String> findings = new ArrayList<>(List.of(messages.forRecord(
                "operations.review.summary", k.hoursSavedPerMonth(), k.satisfaction(), k.activeUsersPct())));
        if (baseline.isPresent()) {
            baseline.get()
                    .compare(k, measured)
                    .forEach(line -> findings.add(messages.forRecord(line.code(), line.args())));
        } else {
            findings.add(messages.forRecord("operations.baseline.missing"));
        }
        task.getExecution().setVariable("reviewComparison", String.join("\n", findings));
        decisions.record(new Decision(
                projectCode,
                "postImplementationReview",
                "post-implementation review",
                "completed",
                findings,
                k.notes(),
                user,
                task.getProcessInstanceId()));
    }

    /** The KPIs, one row each: at planning, now, and the change where the system measured it. */
    private List<Map<String, Object>> table(KpiBaseline b, ReviewMeasures.Measured m) {
        String none = text("operations.review.cell.none");
        String entered = text("operations.review.cell.entered");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(
                "errorRate",
                b == null ? none : text("operations.review.cell.percent", b.errorRatePct()),
                m.errorRatePct() == null
                        ? text("operations.review.cell.noUat")
                        : text(
                                "operations.review.cell.errorRate",
                                m.errorRatePct(),
                                m.failedCases(),
                                m.executedCases()),
                b == null || m.errorRatePct() == null
                        ? none
                        : change(m.errorRatePct().subtract(b.errorRatePct()), "operations.review.cell.points")));
        rows.add(row(
                "resolution",
                b == null ? none : text("operations.review.cell.hours", b.resolutionHours()),
                m.resolutionHours() == null
                        ? text("operations.review.cell.noIncidents")
                        : text("operations.review.cell.resolution", m.resolutionHours(), m.resolvedIncidents()),
                b == null || m.resolutionHours() == null
                        ? none
                        : change(m.resolutionHours().subtract(b.resolutionHours()), "operations.review.cell.hours")));
        rows.add(row(
                "goLive",
                b == null ? none : text("operations.review.cell.planned", Dates.date(b.plannedGoLive())),
                m.liveOn() == null
                        ? text("operations.review.cell.notLive")
                        : text("operations.review.cell.live", Dates.date(m.liveOn())),
                b == null || m.liveOn() == null ? none : goLive(b.plannedGoLive(), m.liveOn())));
        rows.add(row(
                "satisfaction",
                b == null ? none : text("operations.review.cell.satisfaction", b.satisfaction()),
                entered,
                none));
        rows.add(row(
                "hours",
                b == null ? none : text("operations.review.cell.hours", b.manualHoursPerMonth()),
                entered,
                none));
        rows.add(row(
                "activeUsers",
                b == null ? none : text("operations.review.cell.target", b.targetActiveUsersPct()),
                entered,
                none));
        if (b != null && b.hourlyRate() != null && b.projectCost() != null) {
            rows.add(row(
                    "roi",
                    text("operations.review.cell.roi", b.hourlyRate(), b.projectCost()),
                    text("operations.review.cell.roiFromHours"),
                    none));
        }
        return rows;
    }

    private Map<String, Object> row(String kpi, String atPlanning, String now, String change) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kpi", text("operations.review.kpi." + kpi));
        row.put("atPlanning", atPlanning);
        row.put("now", now);
        row.put("change", change);
        return row;
    }

    /** A change where lower is better (error rate, resolution time): ✓ when it did not rise. */
    private String change(BigDecimal change, String unit) {
        return text(unit, KpiBaseline.signed(change)) + (change.signum() <= 0 ? " ✓" : " ✗");
    }

    private String goLive(LocalDate planned, LocalDate live) {
        long late = ChronoUnit.DAYS.between(planned, live);
        if (late > 0) {
            return text("operations.review.cell.late", late);
        }
        return late == 0 ? text("operations.review.cell.onTime") : text("operations.review.cell.early", -late);
    }

    private Map<String, Object> incidentRow(ReviewMeasures.SeverityFigures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("severity", text("operations.severity." + f.severity()));
        row.put("reported", String.valueOf(f.reported()));
        row.put("resolved", String.valueOf(f.resolved()));
        row.put("open", String.valueOf(f.open()));
        row.put(
                "averageHours",
                f.averageResolutionHours() == null
                        ? text("operations.review.cell.none")
                        : text("operations.review.cell.hours", f.averageResolutionHours()));
        row.put("slaBreached", String.valueOf(f.slaBreached()));
        return row;
    }

    private String text(String code, Object... args) {
        return messages.forRecord(code, args);
    }
}
