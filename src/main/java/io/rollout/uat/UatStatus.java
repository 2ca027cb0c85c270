package io.rollout.uat;

import io.rollout.audit.DecisionLog;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read API of UAT for the go-live readiness review: the outcome of the latest {@code uatGate} decision
 * and the defects that are not closed yet.
 */
@Component
public class UatStatus {

    private final DecisionLog decisionLog;
    private final UatRepository repository;

    UatStatus(DecisionLog decisionLog, UatRepository repository) {
        this.decisionLog = decisionLog;
        this.repository = repository;
    }

    /** True when the latest UAT gate of the project passed; false when it failed or never ran. */
    public boolean lastGatePassed(String projectCode) {
        return decisionLog.latest(projectCode, UatGate.DECISION).map(d -> "passed".equals(d.outcome())).orElse(false);
    }

    /**
     * The defects of the given severity that are not closed (open, or fixed but not yet verified by a
     * passing retest), oldest first, each as {@code #<id> <case id>}.
     */
    public List<String> unclosedDefects(String projectCode, String severity) {
        return repository.defects(projectCode).stream()
            .filter(d -> severity.equals(d.severity()) && !Defect.CLOSED.equals(d.status()))
            .map(d -> "#" + d.id() + " " + d.caseId())
            .toList();
    }
}
