package io.rollout.gate;

import java.util.List;

/**
 * What a {@link GateRule} decided: passed or not, and why not. A rule whose callers need more (counts, the status
 * of every trainee) returns its own record implementing this; the others return {@link #of(List)}.
 */
public interface GateOutcome {

    /** Whether the gate lets the process pass. */
    boolean passed();

    /** The reasons it did not pass, in the order the next user reads them; empty when it passed. */
    List<Finding> findings();

    /** The outcome of a rule that passes exactly when it finds nothing. */
    static GateOutcome of(List<Finding> findings) {
        return new Plain(List.copyOf(findings));
    }

    /** An outcome that is its findings: passed when there are none. */
    record Plain(List<Finding> findings) implements GateOutcome {

        @Override
        public boolean passed() {
            return findings.isEmpty();
        }
    }
}
