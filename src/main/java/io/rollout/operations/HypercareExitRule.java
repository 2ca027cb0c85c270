package io.rollout.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * When hypercare may end — by its exit criteria, not by a date: no critical incident is open, and the incidents
 * reported in the last seven days stay below the project's threshold. Plain Java: no Spring, no engine.
 */
final class HypercareExitRule {

    /** An open incident. */
    record OpenIncident(int id, String severity, String title) {
    }

    /** A reason hypercare goes on, as a message code of {@code messages/operations} and its arguments. */
    record Finding(String code, Object... args) {
    }

    /** The decision and its reasons. */
    record Exit(boolean ok, List<Finding> findings) {
    }

    static Exit decide(List<OpenIncident> open, int reportedLastWeek, int maxPerWeek) {
        List<Finding> findings = new ArrayList<>();
        open.stream().filter(i -> "critical".equals(i.severity())).forEach(i ->
            findings.add(new Finding("operations.hypercare.openCritical", i.id(), i.title())));
        if (reportedLastWeek >= maxPerWeek) {
            findings.add(new Finding("operations.hypercare.rate", reportedLastWeek, maxPerWeek));
        }
        return new Exit(findings.isEmpty(), List.copyOf(findings));
    }

    private HypercareExitRule() {
    }
}
