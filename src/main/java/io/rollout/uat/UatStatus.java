package io.rollout.uat;

import io.rollout.audit.DecisionLog;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Read API of UAT for the go-live readiness review ({@code BusinessRuleTask_AssessReadiness}): the outcome of the
 * latest {@code uatGate} decision and the defects that are not closed yet; for the dashboard and the
 * post-implementation review, the test cases and their latest results.
 */
@Component
@NamedInterface("readiness")
public class UatStatus {

    private final DecisionLog decisionLog;
    private final UatRepository repository;

    UatStatus(DecisionLog decisionLog, UatRepository repository) {
        this.decisionLog = decisionLog;
        this.repository = repository;
    }

    /** True when the latest UAT gate of the project passed; false when it failed or never ran. */
    public boolean lastGatePassed(String projectCode) {
        return lastGateOutcome(projectCode).map("passed"::equals).orElse(false);
    }

    /** The outcome of the latest UAT gate of the project ({@code passed} or {@code failed}); empty when it never ran. */
    public Optional<String> lastGateOutcome(String projectCode) {
        return decisionLog.latest(projectCode, UatGate.DECISION).map(DecisionLog.Decision::outcome);
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

    /** The number of test cases of the project. */
    public int testCases(String projectCode) {
        return repository.testCases(projectCode).size();
    }

    /** The latest result of each executed test case ({@code pass} or another outcome), by case id. */
    public java.util.Map<String, String> latestResults(String projectCode) {
        return repository.latestResults(projectCode);
    }
}
