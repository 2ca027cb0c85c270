package io.rollout.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Findings;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The base of every gate, on a gate whose input is the number of findings its rule returns. */
class GateDelegateTests {

    /** A rule that finds {@code input} problems, each a 40-character line. */
    static final GateRule<Integer, GateOutcome> RULE = n -> GateOutcome.of(IntStream.rangeClosed(1, n)
            .mapToObj(i -> Finding.of("test.finding", "%04d".formatted(i)))
            .toList());

    static class CountingGate extends GateDelegate<Integer, GateOutcome> {

        int findings;

        CountingGate(GateRecorder recorder) {
            super(recorder, "countingGate", "countingPassed", "countingFindings", RULE);
        }

        @Override
        protected Integer load(String projectCode, DelegateExecution execution) {
            return findings;
        }

        @Override
        protected List<Decision> decisions(Run<Integer, GateOutcome> run) {
            return List.of(decision(run, "subject of " + run.projectCode(), run.input() + " findings asked for"));
        }
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DecisionLog decisionLog = mock(DecisionLog.class);
    final Messages messages = mock(
            Messages.class,
            invocation -> "Finding number " + invocation.getArgument(1) + " of the test gate, as stored.");
    final DelegateExecution execution = mock(DelegateExecution.class);
    final CountingGate gate = new CountingGate(new GateRecorder(messages, decisionLog, meters));

    @BeforeEach
    void setUp() {
        when(execution.getVariable("projectCode")).thenReturn("P-1");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
    }

    double count(String outcome) {
        var counter = meters.find(GateRecorder.OUTCOMES)
                .tags("gate", "countingGate", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    Decision recorded() {
        ArgumentCaptor<Decision> decision = ArgumentCaptor.forClass(Decision.class);
        verify(decisionLog).record(decision.capture());
        return decision.getValue();
    }

    @Test
    void aGateWithoutFindingsPassesRecordsPassedAndCountsAPass() throws Exception {
        gate.execute(execution);

        verify(execution).setVariable("countingPassed", true);
        verify(execution).setVariable("countingFindings", "");
        assertThat(recorded())
                .isEqualTo(new Decision(
                        "P-1",
                        "countingGate",
                        "subject of P-1",
                        "passed",
                        List.of(),
                        "0 findings asked for",
                        DecisionLog.SYSTEM,
                        "pi-1"));
        assertThat(count("passed")).isEqualTo(1);
        assertThat(count("failed")).isZero();
    }

    @Test
    void aGateWithFindingsFailsWritesThemAsAListAndRecordsEveryOne() throws Exception {
        gate.findings = 2;
        gate.execute(execution);

        verify(execution).setVariable("countingPassed", false);
        verify(execution)
                .setVariable(
                        "countingFindings",
                        "- Finding number 0001 of the test gate, as stored.\n"
                                + "- Finding number 0002 of the test gate, as stored.");
        assertThat(recorded().outcome()).isEqualTo("failed");
        assertThat(recorded().findings())
                .containsExactly(
                        "Finding number 0001 of the test gate, as stored.",
                        "Finding number 0002 of the test gate, as stored.");
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void findingsBeyondTheColumnAreCutWhileTheDecisionKeepsThemAll() throws Exception {
        gate.findings = 500;
        gate.execute(execution);

        ArgumentCaptor<Object> text = ArgumentCaptor.forClass(Object.class);
        verify(execution).setVariable(eq("countingFindings"), text.capture());
        assertThat((String) text.getValue()).hasSize(Findings.MAX_LENGTH).endsWith("...");
        assertThat(recorded().findings()).hasSize(500);
    }

    @Test
    void theOutcomeCounterCountsEveryRunByGateAndOutcome() throws Exception {
        gate.execute(execution);
        gate.execute(execution);
        gate.findings = 1;
        gate.execute(execution);

        assertThat(count("passed")).isEqualTo(2);
        assertThat(count("failed")).isEqualTo(1);
    }
}
