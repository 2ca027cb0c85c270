package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UatGateRuleTests {

    private final UatGateRule rule = new UatGateRule();

    private static UatGateRule.CaseStatus tc(String id, String result, String... requirements) {
        return new UatGateRule.CaseStatus(id, Set.of(requirements), result);
    }

    private static Defect defect(long id, String caseId, String severity, String status) {
        return new Defect(id, caseId, 1, severity, "broken", status);
    }

    /** 20 cases covering REQ-1..REQ-3, all passed. */
    private static List<UatGateRule.CaseStatus> passingCases() {
        List<UatGateRule.CaseStatus> cases = new ArrayList<>();
        cases.add(tc("TC-01", "pass", "REQ-1"));
        cases.add(tc("TC-02", "pass", "REQ-2", "REQ-3"));
        for (int i = 3; i <= 20; i++) {
            cases.add(tc("TC-%02d".formatted(i), "pass"));
        }
        return cases;
    }

    private UatGateRule.Outcome decide(List<UatGateRule.CaseStatus> cases, List<Defect> defects) {
        return rule.decide(new UatGateRule.Input(95, List.of("REQ-1", "REQ-2"), cases, defects));
    }

    private static List<String> codes(UatGateRule.Outcome outcome) {
        return outcome.findings().stream().map(Finding::code).toList();
    }

    @Test
    void passesWhenMustRequirementsCoveredRateReachedAndNoBlockingDefect() {
        UatGateRule.Outcome outcome = decide(
                passingCases(), List.of(defect(7, "TC-03", "medium", "open"), defect(8, "TC-04", "low", "fixed")));

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.passedCases()).isEqualTo(20);
        assertThat(outcome.totalCases()).isEqualTo(20);
    }

    @Test
    void passesAtExactlyThePassTarget() {
        List<UatGateRule.CaseStatus> cases = passingCases();
        cases.set(19, tc("TC-20", "fail"));

        UatGateRule.Outcome outcome = decide(cases, List.of());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.passedCases()).isEqualTo(19);
    }

    @Test
    void failsWhenPassRateIsBelowTarget() {
        List<UatGateRule.CaseStatus> cases = passingCases();
        cases.set(18, tc("TC-19", "blocked"));
        cases.set(19, tc("TC-20", null));

        UatGateRule.Outcome outcome = decide(cases, List.of());

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("uat.gate.passRate");
            assertThat(f.args()).containsExactly(18, 20, 90.0, 95);
        });
    }

    @Test
    void failsWhenMustRequirementHasNoTestCase() {
        UatGateRule.Outcome outcome =
                rule.decide(new UatGateRule.Input(95, List.of("REQ-1", "REQ-9", "REQ-8"), passingCases(), List.of()));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("uat.gate.uncovered.noCase");
            assertThat(f.args()).containsExactly("REQ-9, REQ-8");
        });
    }

    @Test
    void failsWhenLatestResultOfCoveringCaseIsNotPass() {
        List<UatGateRule.CaseStatus> cases = passingCases();
        cases.set(0, tc("TC-01", "fail", "REQ-1"));
        cases.add(tc("TC-21", "blocked", "REQ-1"));
        cases.add(tc("TC-22", "pass", "REQ-2"));

        UatGateRule.Outcome outcome =
                rule.decide(new UatGateRule.Input(50, List.of("REQ-1", "REQ-2"), cases, List.of()));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("uat.gate.uncovered.notPassed");
            assertThat(f.args()).containsExactly("REQ-1");
        });
    }

    @Test
    void failsOnOpenCriticalAndUnverifiedHighDefects() {
        UatGateRule.Outcome outcome = decide(
                passingCases(),
                List.of(
                        defect(12, "TC-02", "high", "fixed"),
                        defect(5, "TC-01", "critical", "open"),
                        defect(6, "TC-03", "critical", "closed")));

        assertThat(outcome.passed()).isFalse();
        assertThat(codes(outcome)).containsExactly("uat.gate.defect.open", "uat.gate.defect.unverified");
        assertThat(outcome.findings().get(0).args()).containsExactly("5", "TC-01", "critical", null);
        assertThat(outcome.findings().get(1).args()).containsExactly("12", "TC-02", "high", null);
    }

    @Test
    void namesTheDeveloperOfAnAssignedDefect() {
        UatGateRule.Outcome outcome = decide(
                passingCases(), List.of(new Defect(5, "TC-01", 1, "high", "broken", "open", "finance", "lihua", 1)));

        assertThat(codes(outcome)).containsExactly("uat.gate.defect.open.assigned");
        assertThat(outcome.findings().get(0).args()).containsExactly("5", "TC-01", "high", "lihua");
    }

    @Test
    void failsJustBelowThePassTarget() {
        List<UatGateRule.CaseStatus> cases = passingCases().subList(0, 19);
        cases = new ArrayList<>(cases);
        cases.set(18, tc("TC-19", "fail"));

        UatGateRule.Outcome outcome = decide(cases, List.of());

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.args()).startsWith(18, 19));
    }

    @Test
    void failsWithoutAnyTestCase() {
        UatGateRule.Outcome outcome = rule.decide(new UatGateRule.Input(95, List.of(), List.of(), List.of()));

        assertThat(outcome.passed()).isFalse();
        assertThat(codes(outcome)).containsExactly("uat.gate.noCases");
    }

    @Test
    void reportsEveryReasonAtOnce() {
        List<UatGateRule.CaseStatus> cases = List.of(tc("TC-01", "fail", "REQ-1"), tc("TC-02", "pass"));

        UatGateRule.Outcome outcome = rule.decide(new UatGateRule.Input(
                95, List.of("REQ-1", "REQ-2"), cases, List.of(defect(1, "TC-01", "high", "open"))));

        assertThat(codes(outcome))
                .containsExactly(
                        "uat.gate.uncovered.noCase",
                        "uat.gate.uncovered.notPassed",
                        "uat.gate.passRate",
                        "uat.gate.defect.open");
    }
}
