package io.rollout.gate;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Findings;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The one shape of a gate's service task: reads {@code projectCode}, loads the rule's input through the owning
 * feature's read API ({@link #load}), applies the {@link GateRule}, writes {@code <gate>Passed} and
 * {@code <gate>Findings} (text capped by {@link Findings}, so it fits the engine's 4,000-character column), records
 * the decision in the {@link DecisionLog} and counts the outcome ({@link GateRecorder#OUTCOMES}). A check that
 * differs overrides a hook: {@link #findingsText} (plain lines instead of a list), {@link #outcomeName},
 * {@link #act} (side effects before the record), {@link #write} (other variables).
 *
 * @param <I> the rule's input record
 * @param <O> the rule's outcome
 */
public abstract class GateDelegate<I, O extends GateOutcome> implements JavaDelegate {

    private final GateRecorder recorder;
    private final String decision;
    private final String passedVariable;
    private final String findingsVariable;
    private final GateRule<I, O> rule;

    /**
     * A gate that writes {@code passedVariable} (Boolean, read by the gateway after it) and {@code findingsVariable}
     * (String, shown by the next task's form).
     *
     * @param decision the decision name in the decision log and the {@code gate} tag of the metric
     */
    protected GateDelegate(
            GateRecorder recorder,
            String decision,
            String passedVariable,
            String findingsVariable,
            GateRule<I, O> rule) {
        this.recorder = recorder;
        this.decision = decision;
        this.passedVariable = Objects.requireNonNull(passedVariable);
        this.findingsVariable = Objects.requireNonNull(findingsVariable);
        this.rule = rule;
    }

    /** A check that writes its own variables: it overrides {@link #write}. */
    protected GateDelegate(GateRecorder recorder, String decision, GateRule<I, O> rule) {
        this.recorder = recorder;
        this.decision = decision;
        this.passedVariable = null;
        this.findingsVariable = null;
        this.rule = rule;
    }

    /**
     * One run of the gate, as the hooks see it.
     *
     * @param findings the outcome's findings rendered, in the same order
     */
    public record Run<I, O>(
            String projectCode, I input, O outcome, List<String> findings, DelegateExecution execution) {}

    @Override
    public final void execute(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        I input = load(projectCode, execution);
        O outcome = rule.decide(input);
        Run<I, O> run = new Run<>(projectCode, input, outcome, recorder.texts(outcome.findings()), execution);
        act(run);
        write(run);
        decisions(run).forEach(recorder::record);
        recorder.count(decision, outcome.passed());
    }

    /** The rule's input, read through the owning feature's read API. */
    protected abstract I load(String projectCode, DelegateExecution execution);

    /** The decisions to record, usually one: {@code List.of(decision(run, subject, inputs))}. */
    protected abstract List<Decision> decisions(Run<I, O> run);

    /** The gate's decision with its findings, decided by {@link DecisionLog#SYSTEM} in this process instance. */
    protected final Decision decision(Run<I, O> run, String subject, String inputs) {
        return new Decision(
                run.projectCode(),
                decision,
                subject,
                outcomeName(run.outcome().passed()),
                run.findings(),
                inputs,
                DecisionLog.SYSTEM,
                run.execution().getProcessInstanceId());
    }

    /** The outcome as the decision log names it: {@code passed} or {@code failed}. */
    protected String outcomeName(boolean passed) {
        return passed ? "passed" : "failed";
    }

    /** The text of {@code <gate>Findings}: a Markdown list, capped. */
    protected String findingsText(List<String> findings) {
        return Findings.asText(findings);
    }

    /** Side effects of the outcome, before the variables are written and the decision recorded; none by default. */
    protected void act(Run<I, O> run) {}

    /** Writes {@code <gate>Passed} and {@code <gate>Findings} on the process instance. */
    protected void write(Run<I, O> run) {
        run.execution().setVariable(passedVariable, run.outcome().passed());
        run.execution().setVariable(findingsVariable, findingsText(run.findings()));
    }

    /** A message in the language configured for texts the engine stores (subjects and inputs of decisions). */
    protected final String text(String code, Object... args) {
        return recorder.text(code, args);
    }
}
