package io.rollout.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What every {@link GateDelegate} does with an outcome besides writing variables: renders the findings in the
 * language of the record, appends the decisions to the {@link DecisionLog}, and counts the outcome in the metric
 * {@value #OUTCOMES} (tags {@code gate} = decision name, {@code outcome} = {@code passed} or {@code failed}).
 */
@Component
public class GateRecorder {

    /** The counter of gate outcomes, e.g. {@code rollout_gate_outcomes_total{gate="uatGate",outcome="failed"}}. */
    public static final String OUTCOMES = "rollout.gate.outcomes";

    private final Messages messages;
    private final DecisionLog decisions;
    private final MeterRegistry meters;

    GateRecorder(Messages messages, DecisionLog decisions, MeterRegistry meters) {
        this.messages = messages;
        this.decisions = decisions;
        this.meters = meters;
    }

    /** A message in the language configured for texts the engine stores. */
    String text(String code, Object... args) {
        return messages.forRecord(code, args);
    }

    /** The findings as the next user reads them, one text each. */
    List<String> texts(List<Finding> findings) {
        return findings.stream()
                .map(f -> messages.forRecord(f.code(), f.args()))
                .toList();
    }

    void record(Decision decision) {
        decisions.record(decision);
    }

    void count(String gate, boolean passed) {
        Counter.builder(OUTCOMES)
                .description("Outcomes of Rollout's gates and checks")
                .tag("gate", gate)
                .tag("outcome", passed ? "passed" : "failed")
                .register(meters)
                .increment();
    }
}
