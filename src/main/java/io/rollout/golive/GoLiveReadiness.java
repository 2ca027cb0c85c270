package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_AssessReadiness} in {@code goLive}: judges go-live readiness with
 * {@link GoLiveReadinessRules} and records the outcome as decision {@code goLiveReadiness}.
 *
 * <p>Reads {@code projectCode}; writes {@code readinessOk} (Boolean), {@code readinessFindings} (one line
 * per unmet criterion) and {@code readinessSummary} (every criterion with ✓ or ✗).
 */
@Component("goLiveReadiness")
class GoLiveReadiness implements JavaDelegate {

    private final ReadinessSources sources;
    private final GoLiveReadinessRules rules = new GoLiveReadinessRules();
    private final DecisionLog decisions;
    private final Messages messages;

    GoLiveReadiness(ReadinessSources sources, DecisionLog decisions, Messages messages) {
        this.sources = sources;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        GoLiveReadinessRules.Readiness readiness = rules.assess(sources.gather(projectCode));
        List<String> findings = readiness.unmet().stream().map(c -> messages.forRecord(c.key(), c.args())).toList();
        List<String> summary = readiness.criteria().stream()
            .map(c -> (c.met() ? "✓ " : "✗ ") + messages.forRecord(c.key(), c.args())).toList();
        execution.setVariable("readinessOk", readiness.ok());
        execution.setVariable("readinessFindings", bullets(findings));
        execution.setVariable("readinessSummary", bullets(summary));
        decisions.record(new Decision(projectCode, "goLiveReadiness", "go-live", readiness.ok() ? "passed" : "failed",
            findings, String.join("\n", summary), DecisionLog.SYSTEM, execution.getProcessInstanceId()));
    }

    // a markdown list, so the text components of the forms show one line per criterion
    static String bullets(List<String> lines) {
        return lines.isEmpty() ? "" : "- " + String.join("\n- ", lines);
    }
}
