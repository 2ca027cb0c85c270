package io.rollout.uat;

import io.rollout.audit.DecisionLog;
import org.springframework.stereotype.Component;

/** The UAT outcome for the go-live readiness review, read from the latest {@code uatGate} decision. */
@Component
public class UatStatus {

    private final DecisionLog decisionLog;

    UatStatus(DecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    /** True when the latest UAT gate of the project passed; false when it failed or never ran. */
    public boolean lastGatePassed(String projectCode) {
        return decisionLog.latest(projectCode, UatGate.DECISION).map(d -> "passed".equals(d.outcome())).orElse(false);
    }
}
