package io.rollout.uat;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rule of the UAT gate ({@code ServiceTask_UatGate} via {@link UatGate}): UAT passes only when
 * every must-have requirement is covered by at least one test case whose latest result is a pass,
 * the share of test cases whose latest result is a pass reaches the project's target, and no
 * critical or high defect is open or fixed but not yet verified by a passing retest.
 * Plain Java: no Spring, no engine.
 */
final class UatGateRule implements GateRule<UatGateRule.Input, UatGateRule.Outcome> {

    static final String PASS = "pass";
    static final List<String> BLOCKING_SEVERITIES = List.of("critical", "high");

    /**
     * What the gate decides on.
     *
     * @param passTarget       share of test cases that must pass, in percent
     * @param mustRequirements ids of the project's must-have requirements
     * @param cases            every test case of the project with its latest result
     * @param defects          the defects that are not closed
     */
    record Input(int passTarget, List<String> mustRequirements, List<CaseStatus> cases, List<Defect> defects) {}

    /** A test case, the requirements it covers and its latest result ({@code null} when never run). */
    record CaseStatus(String caseId, Set<String> requirementIds, String latestResult) {

        boolean passed() {
            return PASS.equals(latestResult);
        }
    }

    /** The decision, with the counts behind the pass rate. */
    record Outcome(boolean passed, List<Finding> findings, int passedCases, int totalCases) implements GateOutcome {}

    @Override
    public Outcome decide(Input input) {
        List<Finding> findings = new ArrayList<>();
        List<String> withoutCase = new ArrayList<>();
        List<String> notPassed = new ArrayList<>();
        for (String requirement : input.mustRequirements()) {
            List<CaseStatus> covering = input.cases().stream()
                    .filter(c -> c.requirementIds().contains(requirement))
                    .toList();
            if (covering.isEmpty()) {
                withoutCase.add(requirement);
            } else if (covering.stream().noneMatch(CaseStatus::passed)) {
                notPassed.add(requirement);
            }
        }
        if (!withoutCase.isEmpty()) {
            findings.add(new Finding("uat.gate.uncovered.noCase", String.join(", ", withoutCase)));
        }
        if (!notPassed.isEmpty()) {
            findings.add(new Finding("uat.gate.uncovered.notPassed", String.join(", ", notPassed)));
        }

        int total = input.cases().size();
        int passed = (int) input.cases().stream().filter(CaseStatus::passed).count();
        if (total == 0) {
            findings.add(new Finding("uat.gate.noCases"));
        } else if (passed * 100L < (long) input.passTarget() * total) {
            findings.add(new Finding("uat.gate.passRate", passed, total, passed * 100.0 / total, input.passTarget()));
        }

        input.defects().stream()
                .filter(d -> BLOCKING_SEVERITIES.contains(d.severity()))
                .filter(d -> Defect.OPEN.equals(d.status()) || Defect.FIXED.equals(d.status()))
                .sorted(Comparator.comparingLong(Defect::id))
                .forEach(d -> findings.add(new Finding(
                        (Defect.OPEN.equals(d.status()) ? "uat.gate.defect.open" : "uat.gate.defect.unverified")
                                + (d.assignee() == null ? "" : ".assigned"),
                        String.valueOf(d.id()),
                        d.caseId(),
                        d.severity(),
                        d.assignee())));

        return new Outcome(findings.isEmpty(), List.copyOf(findings), passed, total);
    }
}
