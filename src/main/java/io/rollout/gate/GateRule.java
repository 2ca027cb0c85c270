package io.rollout.gate;

/**
 * The rule of a gate or check: a pure function from a typed input record to an outcome. No Spring, no engine, no
 * database, so it is tested with plain JUnit; {@link GateDelegate} loads the input and records the outcome.
 *
 * @param <I> the input record, everything the rule decides on
 * @param <O> the outcome
 */
@FunctionalInterface
public interface GateRule<I, O extends GateOutcome> {

    /** Decides on the input. */
    O decide(I input);
}
