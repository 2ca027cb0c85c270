package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
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
    private final DecisionLog decisions;
    private final Messages messages;

    PostImplementationReview(OperationsRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        PostImplementationReviewRules.Result result = rules.check(task.getVariables());
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        PostImplementationReviewRules.Kpis k = result.kpis();
        String user = TaskForms.currentUser(task);
        repository.saveReview(projectCode, k, user);
        decisions.record(new Decision(projectCode, "postImplementationReview", "post-implementation review", "completed",
            List.of(messages.forRecord("operations.review.summary", k.hoursSavedPerMonth(), k.errorRateBeforePct(),
                k.errorRateAfterPct(), k.satisfaction(), messages.forRecord(k.onTimeGoLive() ? "operations.yes" : "operations.no"),
                k.activeUsersPct(), k.avgResolutionHours())),
            k.notes(), user, task.getProcessInstanceId()));
    }
}
