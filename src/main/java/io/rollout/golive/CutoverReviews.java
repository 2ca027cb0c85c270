package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the human decisions during a cutover: {@code UserTask_ReviewWave} (the business owners of a
 * wave's departments after its stabilisation period: {@code waveOk}), {@code UserTask_ReviewDualRun}
 * (end the parallel run, or roll back: {@code dualRunOk}) and {@code UserTask_HandleCriticalIncident} (the on-call
 * team: continue the wave, or roll it back: {@code incidentContinue}), each from the form's {@code reviewDecision}
 * yes / no. A negative answer needs a comment ({@link CutoverReviewRules}); each is recorded in the decision log.
 */
@Component("cutoverReviews")
class CutoverReviews implements TaskListener {

    private final DecisionLog decisions;
    private final Messages messages;

    CutoverReviews(DecisionLog decisions, Messages messages) {
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        String variable = switch (key) {
            case "UserTask_ReviewWave" -> "waveOk";
            case "UserTask_ReviewDualRun" -> "dualRunOk";
            default -> "incidentContinue";
        };
        String answer = TaskForms.text(task, "reviewDecision");
        String comment = TaskForms.text(task, "reviewComment");
        CutoverReviewRules.check(answer, comment).ifPresent(problem -> {
            throw Problem.reject(messages, List.of(problem));
        });
        boolean yes = CutoverReviewRules.YES.equals(answer);
        Integer wave = ProcessVariables.integer(task, "wave");
        String projectCode = ProcessVariables.projectCode(task);
        List<String> findings = new ArrayList<>();
        if ("incidentContinue".equals(variable)) {
            // the wave's review lists the incidents of the wave from these findings
            findings.add(messages.forRecord(
                    "golive.incident.finding",
                    task.getVariable("criticalIncidentId"),
                    task.getVariable("criticalIncidentTitle")));
        }
        if (comment != null) {
            findings.add(comment);
        }
        decisions.record(new Decision(
                projectCode,
                switch (key) {
                    case "UserTask_ReviewWave" -> "waveReview";
                    case "UserTask_ReviewDualRun" -> "dualRunReview";
                    default -> "criticalIncident";
                },
                wave == null ? "dual run" : "wave " + wave,
                yes ? "positive" : "negative",
                findings,
                null,
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
        task.getExecution().setVariable(variable, yes);
    }
}
