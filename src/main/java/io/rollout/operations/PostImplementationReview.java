package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_ReviewPostImplementation} in {@code operationsPhase}: checks the
 * KPIs with {@link PostImplementationReviewRules}, stores {@code post_implementation_review} and records
 * decision {@code postImplementationReview} with the KPIs as findings.
 *
 * <p>Reads {@code projectCode}, {@code hoursSavedPerMonth}, {@code errorRateBeforePct},
 * {@code errorRateAfterPct}, {@code satisfaction}, {@code onTimeGoLive}, {@code activeUsersPct},
 * {@code avgResolutionHours}, {@code notes}.
 */
@Component("postImplementationReview")
class PostImplementationReview implements TaskListener {

    private final PostImplementationReviewRules rules = new PostImplementationReviewRules();
    private final OperationsRepository repository;
    private final KpiBaselineRepository baselines;
    private final DecisionLog decisions;
    private final Messages messages;

    PostImplementationReview(OperationsRepository repository, KpiBaselineRepository baselines, DecisionLog decisions,
                             Messages messages) {
        this.repository = repository;
        this.baselines = baselines;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        java.util.Optional<KpiBaseline> baseline = baselines.baseline(projectCode);
        java.util.Optional<java.math.BigDecimal> measured = baselines.measuredResolutionHours(projectCode);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the review starts from the baseline and from what the incidents measured
            baseline.ifPresent(b -> task.setVariableLocal("errorRateBeforePct", FormInput.formNumber(b.errorRatePct())));
            task.setVariableLocal("baselineSummary", baseline.map(b -> messages.forRecord("operations.baseline.summary",
                b.manualHoursPerMonth(), b.errorRatePct(), b.satisfaction(), b.resolutionHours(), b.targetActiveUsersPct(),
                b.plannedGoLive().toString())).orElse(messages.forRecord("operations.baseline.missing")));
            task.setVariableLocal("measuredResolutionHours", measured.map(m -> m.setScale(1,
                java.math.RoundingMode.HALF_UP).toPlainString()).orElse("-"));
            return;
        }
        PostImplementationReviewRules.Result result = rules.check(task.getVariables());
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        PostImplementationReviewRules.Kpis k = result.kpis();
        String user = TaskForms.currentUser(task);
        repository.saveReview(projectCode, k, user);
        List<String> findings = new java.util.ArrayList<>(List.of(messages.forRecord("operations.review.summary",
            k.hoursSavedPerMonth(), k.errorRateBeforePct(), k.errorRateAfterPct(), k.satisfaction(),
            messages.forRecord(k.onTimeGoLive() ? "operations.yes" : "operations.no"), k.activeUsersPct(),
            k.avgResolutionHours())));
        java.time.LocalDate liveOn = decisions.forProject(projectCode).stream()
            .filter(d -> "cutover".equals(d.decision()) && "succeeded".equals(d.outcome()))
            .map(d -> java.time.LocalDate.ofInstant(d.decidedAt(), java.time.ZoneOffset.UTC)).reduce((a, b) -> b)
            .orElse(null);
        baseline.ifPresent(b -> b.compare(k, liveOn, measured.orElse(null))
            .forEach(line -> findings.add(messages.forRecord(line.code(), line.args()))));
        task.getExecution().setVariable("reviewComparison", String.join("\n", findings));
        decisions.record(new Decision(projectCode, "postImplementationReview", "post-implementation review", "completed",
            findings, k.notes(), user, task.getProcessInstanceId()));
    }
}
