package io.rollout.uat;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import io.rollout.uat.UatRules.Assignment;
import io.rollout.uat.UatRules.Execution;
import io.rollout.uat.UatRules.Round;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UatRulesTests {

    static final Map<String, TestCase> CASES = Map.of(
            "TC-1", new TestCase("TC-1", "Create order", List.of("REQ-1"), "steps", "order saved", "sales", "high"),
            "TC-2", new TestCase("TC-2", "Approve order", List.of("REQ-1"), "steps", "approved", "sales", "medium"),
            "TC-3", new TestCase("TC-3", "Post invoice", List.of("REQ-2"), "steps", "posted", "finance", "high"));
    static final Round ROUND = new Round("keyuser", new TreeSet<>(Set.of("TC-1", "TC-2")), CASES, Set.of("TC-2"));
    static final Map<Long, Defect> OPEN = Map.of(
            7L, new Defect(7, "TC-1", 1, "high", "Order total wrong", Defect.OPEN, "sales", "dev1", 0),
            8L, new Defect(8, "TC-2", 1, "low", "Typo in label", Defect.OPEN, "sales", "dev2", 0));

    static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    @Test
    void planAssignsTheIncludedCasesToKeyUsers() {
        Checked<Map<String, String>> plan = UatRules.plan(
                List.of(
                        row(1, "caseId", "TC-1", "include", true, "tester", "keyuser"),
                        row(2, "caseId", "TC-2", "include", false, "tester", "keyuser")),
                Set.of("TC-1", "TC-2"),
                "keyuser"::equals);

        assertThat(plan.value()).containsExactly(Map.entry("TC-1", "keyuser"));
    }

    @Test
    void planRefusesUnknownAndDoubleCasesMissingTestersAndOthersThanKeyUsers() {
        Checked<Map<String, String>> plan = UatRules.plan(
                List.of(
                        row(1, "caseId", "TC-9", "include", true),
                        row(2, "caseId", "TC-1", "include", true),
                        row(3, "caseId", "TC-1", "include", true),
                        row(4, "caseId", "TC-2", "include", true, "tester", "pmo")),
                Set.of("TC-1", "TC-2"),
                "keyuser"::equals);

        assertThat(plan.valid()).isFalse();
        assertThat(plan.problems())
                .containsExactly(
                        new Problem("uat.round.unknownCase", 1, "TC-9"),
                        new Problem("uat.plan.testerRequired", 2, "TC-1"),
                        new Problem("uat.case.duplicate", 3, "TC-1"),
                        new Problem("uat.plan.notKeyUser", 4, "pmo"));
    }

    @Test
    void planWithoutAnyIncludedCaseIsEmpty() {
        assertThat(UatRules.plan(List.of(row(1, "caseId", "TC-1")), Set.of("TC-1"), "keyuser"::equals)
                        .problems())
                .containsExactly(new Problem("uat.plan.empty"));
    }

    @Test
    void resultsRecordEachOwnCaseAFailureWithItsDefectInTheCasesModule() {
        Checked<List<Execution>> results = UatRules.results(
                List.of(
                        row(
                                1,
                                "caseId",
                                "TC-1",
                                "result",
                                "fail",
                                "defectSeverity",
                                "high",
                                "defectDescription",
                                "Total wrong"),
                        row(2, "caseId", "TC-2", "result", "pass")),
                ROUND);

        assertThat(results.value())
                .containsExactly(
                        new Execution("TC-1", "fail", null, "high", "sales", "Total wrong"),
                        new Execution("TC-2", "pass", null, null, "sales", null));
    }

    @Test
    void aFailedRetestOfAFixedDefectNeedsNoNewDefect() {
        Checked<List<Execution>> results = UatRules.results(
                List.of(
                        row(1, "caseId", "TC-1", "result", "pass"),
                        row(2, "caseId", "TC-2", "result", "fail", "comment", "still wrong")),
                ROUND);

        assertThat(results.problems()).isEmpty();
    }

    @Test
    void resultsRefuseOtherCasesMissingDefectsBlocksWithoutCommentAndDefectsOnAPass() {
        Checked<List<Execution>> results = UatRules.results(
                List.of(
                        row(1, "caseId", "TC-3", "result", "pass"),
                        row(2, "caseId", "TC-1", "result", "fail"),
                        row(3, "caseId", "TC-1", "result", "pass"),
                        row(4, "result", "pass")),
                ROUND);

        assertThat(results.problems())
                .containsExactly(
                        new Problem("uat.round.notYourCase", 1, "TC-3", "keyuser"),
                        new Problem("uat.round.failNeedsDefect", 2, "TC-1", new Label("uat.field.defectSeverity")),
                        new Problem("uat.round.failNeedsDefect", 2, "TC-1", new Label("uat.field.defectDescription")),
                        new Problem("uat.case.duplicate", 3, "TC-1"),
                        new Problem("form.row.required", 4, new Label("uat.field.caseId")),
                        new Problem("uat.round.missingCases", "TC-2"));
        assertThat(UatRules.results(
                                List.of(
                                        row(1, "caseId", "TC-1", "result", "blocked"),
                                        row(2, "caseId", "TC-2", "result", "pass", "defectSeverity", "low"),
                                        row(3, "caseId", "TC-9", "result", "done")),
                                ROUND)
                        .problems())
                .containsExactly(
                        new Problem("uat.round.blockedNeedsComment", 1, "TC-1"),
                        new Problem("uat.round.defectOnlyOnFail", 2, "TC-2"),
                        new Problem("uat.round.unknownCase", 3, "TC-9"));
    }

    @Test
    void resultsRefuseAnUnknownResultOrSeverityAndTextsOverTheLimit() {
        String longText = "x".repeat(UatRules.MAX_TEXT + 1);
        Checked<List<Execution>> results = UatRules.results(
                List.of(
                        row(1, "caseId", "TC-1", "result", "ok", "comment", longText),
                        row(
                                2,
                                "caseId",
                                "TC-2",
                                "result",
                                "fail",
                                "defectSeverity",
                                "urgent",
                                "defectDescription",
                                "x")),
                ROUND);

        assertThat(results.problems())
                .containsExactly(
                        new Problem("form.row.choice", 1, new Label("uat.field.result"), "pass/fail/blocked", "ok"),
                        new Problem("uat.row.tooLong", 1, new Label("uat.field.comment"), UatRules.MAX_TEXT),
                        new Problem(
                                "form.row.choice",
                                2,
                                new Label("uat.field.defectSeverity"),
                                "critical/high/medium/low",
                                "urgent"));
    }

    @Test
    void aTesterWithoutCasesInTheRoundHasNothingToRecord() {
        Round none = new Round("keyuser", Set.of(), CASES, Set.of());

        assertThat(UatRules.results(List.of(), none).problems()).containsExactly(new Problem("uat.round.empty"));
    }

    @Test
    void triageAssignsEveryOpenDefectAndAChangedSeverityNeedsAReason() {
        Checked<Map<Long, Assignment>> triage = UatRules.triage(
                List.of(
                        row(1, "defectId", "7", "developer", "dev1"),
                        row(
                                2,
                                "defectId",
                                "8",
                                "developer",
                                "dev2",
                                "severity",
                                "high",
                                "severityReason",
                                "blocks invoicing")),
                OPEN,
                Set.of("dev1", "dev2")::contains);

        assertThat(triage.value())
                .containsEntry(7L, new Assignment("dev1", "high", null))
                .containsEntry(8L, new Assignment("dev2", "high", "blocks invoicing"));
    }

    @Test
    void triageRefusesMissingDevelopersUnknownDefectsUnexplainedSeveritiesAndForgottenDefects() {
        Checked<Map<Long, Assignment>> triage = UatRules.triage(
                List.of(
                        row(1, "defectId", "7", "severity", "low"),
                        row(2, "defectId", "9", "developer", "dev1"),
                        row(3, "defectId", "x1", "developer", "dev1")),
                OPEN,
                "dev1"::equals);

        assertThat(triage.problems())
                .containsExactly(
                        new Problem("uat.triage.developerRequired", 1, "7"),
                        new Problem("uat.triage.severityReason", 1, "7", "high", "low"),
                        new Problem("uat.defect.notOpen", 2, "9"),
                        new Problem("form.row.number", 3, new Label("uat.field.defectId"), "x1"),
                        new Problem("uat.triage.missing", "8"));
    }

    @Test
    void fixesNeedANoteAndOnlyTheDevelopersOwnOpenDefects() {
        Checked<Map<Long, String>> fixes = UatRules.fixes(
                List.of(
                        row(1, "defectId", "7", "fixed", true, "fixNote", "rounding fixed in build 12"),
                        row(2, "defectId", "8", "fixed", false)),
                OPEN,
                "dev1");
        assertThat(fixes.value()).containsExactly(Map.entry(7L, "rounding fixed in build 12"));

        assertThat(UatRules.fixes(
                                List.of(
                                        row(1, "defectId", "7", "fixed", true),
                                        row(2, "defectId", "9", "fixed", true, "fixNote", "done"),
                                        row(3, "fixed", true)),
                                OPEN,
                                "dev1")
                        .problems())
                .containsExactly(
                        new Problem("uat.defect.fixNoteRequired", 1, "7"),
                        new Problem("uat.defect.notYours", 2, "9", "dev1"),
                        new Problem("form.row.required", 3, new Label("uat.field.defectId")));
    }
}
