package io.rollout.operations;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import java.util.ArrayList;
import java.util.List;

/**
 * When hypercare may end — by its exit criteria, not by a date: no critical incident is open, and the incidents
 * reported in the last seven days stay below the project's threshold. The rule of
 * {@code ServiceTask_CheckHypercareExit} ({@link HypercareExitCheck}). Plain Java: no Spring, no engine.
 */
final class HypercareExitRule implements GateRule<HypercareExitRule.Input, GateOutcome> {

    /** An open incident. */
    record OpenIncident(int id, String severity, String title) {}

    /**
     * What the check decides on.
     *
     * @param open             the project's open incidents by id
     * @param reportedLastWeek how many incidents were reported in the last seven days
     * @param maxPerWeek       from that many on, hypercare goes on
     */
    record Input(List<OpenIncident> open, int reportedLastWeek, int maxPerWeek) {

        /** A one-line summary for the decision log. */
        String summary() {
            return "open=" + open.size() + ", reportedLastWeek=" + reportedLastWeek + ", maxPerWeek=" + maxPerWeek;
        }
    }

    /** One finding per open critical incident, and one when the weekly rate is reached. */
    @Override
    public GateOutcome decide(Input input) {
        List<Finding> findings = new ArrayList<>();
        input.open().stream()
                .filter(i -> "critical".equals(i.severity()))
                .forEach(i -> findings.add(Finding.of("operations.hypercare.openCritical", i.id(), i.title())));
        if (input.reportedLastWeek() >= input.maxPerWeek()) {
            findings.add(Finding.of("operations.hypercare.rate", input.reportedLastWeek(), input.maxPerWeek()));
        }
        return GateOutcome.of(findings);
    }
}
