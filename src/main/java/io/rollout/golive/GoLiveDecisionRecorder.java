package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_DecideGoLive} in {@code goLive}: checks the steering committee's
 * decision with {@link GoLiveDecisionRules} and stores it in {@code go_live_decision} and as decision
 * {@code goLiveDecision} (outcome {@code go}, {@code no-go} or {@code go-with-risk-acceptance}).
 *
 * <p>Reads {@code projectCode}, {@code readinessOk}, {@code goLiveDecision}, {@code cutoverStrategy},
 * {@code riskAcceptance}, {@code decisionReason}.
 */
@Component("goLiveDecisionRecorder")
class GoLiveDecisionRecorder implements TaskListener {

    private final GoLiveDecisionRules rules = new GoLiveDecisionRules();
    private final GoLiveRepository repository;
    private final DecisionLog decisions;
    private final Messages messages;

    GoLiveDecisionRecorder(GoLiveRepository repository, DecisionLog decisions, Messages messages) {
        this.repository = repository;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        boolean readinessOk = Boolean.TRUE.equals(task.getVariable("readinessOk"));
        String decision = TaskForms.text(task, "goLiveDecision");
        String strategy = TaskForms.text(task, "cutoverStrategy");
        String riskAcceptance = TaskForms.text(task, "riskAcceptance");
        String reason = TaskForms.text(task, "decisionReason");
        GoLiveDecisionRules.Result result = rules.decide(decision, strategy, readinessOk, riskAcceptance);
        if (!result.problems().isEmpty()) {
            throw Problem.reject(messages, result.problems());
        }
        String user = TaskForms.currentUser(task);
        repository.saveDecision(projectCode, decision, strategy, readinessOk, riskAcceptance, reason, user);
        List<String> findings = new ArrayList<>();
        if (reason != null) {
            findings.add(reason);
        }
        if (riskAcceptance != null) {
            findings.add(messages.forRecord("golive.decision.riskAccepted", riskAcceptance));
        }
        decisions.record(new Decision(projectCode, "goLiveDecision", strategy == null ? "go-live" : strategy,
            result.outcome(), findings, "readinessOk=" + readinessOk, user, task.getProcessInstanceId()));
    }
}
