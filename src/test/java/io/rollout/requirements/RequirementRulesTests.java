package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.requirements.EffectVerificationRule.Verdict;
import io.rollout.requirements.RequirementRules.Draft;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementRulesTests {

    static Requirement req(String id, String department, String title, String priority) {
        return new Requirement(
                null, id, department, title, null, null, null, priority, null, null, Requirement.DRAFT, null, null);
    }

    static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    @Test
    void aSessionWithoutDateOrParticipantsIsRefusedNamingBoth() {
        assertThat(RequirementRules.session("2nd of March", null, null).problems())
                .containsExactly(
                        Problem.of("requirements.research.date", "2nd of March"),
                        Problem.of("form.field.required", "participants"));
        assertThat(RequirementRules.session(null, "Anna", null).problems())
                .containsExactly(Problem.of("form.field.required", "heldOn"));
    }

    @Test
    void aSessionKeepsTheDayOfADatetimeAndRefusesTooLongTexts() {
        assertThat(RequirementRules.session("2026-03-02T09:00:00", "Anna, Li", "notes")
                        .heldOn())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(RequirementRules.session("2026-03-02", "x".repeat(1001), "y".repeat(4001))
                        .problems())
                .containsExactly(
                        Problem.of("requirements.research.tooLong", "participants", 1000),
                        Problem.of("requirements.research.tooLong", "activityNotes", 4000));
    }

    @Test
    void captureRefusesEveryBadRowAtOnce() {
        List<Draft> drafts = List.of(
                new Draft(1, req(null, "finance", "Expense claims approved online", "urgent")),
                new Draft(2, req("REQ-PUR-001", "finance", null, "must")));
        assertThat(RequirementRules.captured(drafts, "finance", Map.of(), List.of("finance"), "P"))
                .containsExactly(
                        Problem.of("form.row.choice", 1, "priority", "must/should/could", "urgent"),
                        Problem.of("form.row.required", 2, "title"));
    }

    @Test
    void captureRefusesIdsOfAnotherDepartment() {
        Map<String, Requirement> stored = Map.of("REQ-PUR-001", req("REQ-PUR-001", "procurement", "Purchase", "must"));
        assertThat(RequirementRules.captured(
                        List.of(new Draft(1, req("REQ-PUR-001", "finance", "Taken over", "must"))),
                        "finance",
                        stored,
                        List.of("finance", "procurement"),
                        "P"))
                .containsExactly(Problem.of("requirements.row.otherDepartment", 1, "REQ-PUR-001", "procurement"));
        // clarification sees every department: the same row is fine there
        assertThat(RequirementRules.captured(
                        List.of(new Draft(1, req("REQ-PUR-001", "procurement", "Taken", "must"))),
                        null,
                        stored,
                        List.of("finance", "procurement"),
                        "P"))
                .isEmpty();
    }

    @Test
    void captureRefusesADepartmentOutOfScopeAndAnIdTwice() {
        List<Draft> drafts = List.of(
                new Draft(1, req("REQ-1", "sales", "A", "must")),
                new Draft(2, req("req-1", "finance", "B", "could")),
                new Draft(3, req(null, null, "C", "should")));
        assertThat(RequirementRules.captured(drafts, null, Map.of(), List.of("finance"), "P"))
                .containsExactly(
                        Problem.of("requirements.row.departmentNotInScope", 1, "sales", "P", "finance"),
                        Problem.of("requirements.row.duplicateId", 2, "req-1", 1),
                        Problem.of("form.row.required", 3, "department"));
    }

    @Test
    void reviewNeedsADecisionAndACommentWhenNotOk() {
        assertThat(RequirementRules.review(null, null, "finance"))
                .containsExactly(Problem.of("requirements.review.decisionRequired", "finance"));
        assertThat(RequirementRules.review(false, null, "finance"))
                .containsExactly(Problem.of("requirements.review.commentRequired", "finance"));
        assertThat(RequirementRules.review(false, "Cost centres missing", "finance"))
                .isEmpty();
        assertThat(RequirementRules.review(true, null, "finance")).isEmpty();
    }

    @Test
    void matchingRefusesUnknownIdsAndUnknownSolutions() {
        Map<String, Requirement> stored = Map.of(
                "REQ-FIN-001",
                req("REQ-FIN-001", "finance", "A", "must"),
                "REQ-PUR-001",
                req("REQ-PUR-001", "procurement", "B", "must"));
        assertThat(RequirementRules.matches(
                                List.of(
                                        row(1, "reqId", "REQ-FIN-002", "solutionMatch", "standard"),
                                        row(2, "reqId", "REQ-PUR-001", "solutionMatch", "maybe")),
                                stored)
                        .problems())
                .containsExactly(
                        Problem.of("requirements.match.unknownId", 1, "REQ-FIN-002"),
                        Problem.of(
                                "form.row.choice",
                                2,
                                "solutionMatch",
                                "standard/configuration/customisation/not-covered",
                                "maybe"));
    }

    @Test
    void matchingKeepsTheStoredNoteOfARowWithoutOneAndRefusesAnIdTwice() {
        Requirement withNote = new Requirement(
                null,
                "REQ-FIN-001",
                "finance",
                "A",
                null,
                null,
                null,
                "must",
                null,
                null,
                Requirement.CLARIFIED,
                null,
                null,
                "stored note");
        var matches = RequirementRules.matches(
                List.of(row(1, "reqId", "req-fin-001", "solutionMatch", "Customization")),
                Map.of("REQ-FIN-001", withNote));
        assertThat(matches.problems()).isEmpty();
        assertThat(matches.solutions()).containsEntry("REQ-FIN-001", "customisation");
        assertThat(matches.notes()).containsEntry("REQ-FIN-001", "stored note");
        assertThat(RequirementRules.matches(
                                List.of(
                                        row(1, "reqId", "REQ-FIN-001"),
                                        row(2, "reqId", "REQ-FIN-001", "solutionNote", "n".repeat(2001))),
                                Map.of("REQ-FIN-001", withNote))
                        .problems())
                .containsExactly(
                        Problem.of("requirements.row.duplicateId", 2, "REQ-FIN-001", 1),
                        Problem.of("requirements.row.tooLong", 2, "solutionNote", 2001, 2000));
    }

    @Test
    void verificationNeedsAnAnswerPerRequirementAndACommentWithANo() {
        var verdicts = RequirementRules.verdicts(
                List.of(row(1, "reqId", "REQ-FIN-001", "verified", "no"), row(2, "reqId", "REQ-FIN-002")),
                List.of("REQ-FIN-001", "REQ-FIN-002"),
                "finance");
        assertThat(verdicts.problems())
                .containsExactly(
                        Problem.of("requirements.verify.commentRequired", 1, "REQ-FIN-001"),
                        Problem.of("requirements.verify.decisionRequired", 2, "REQ-FIN-002"));
    }

    @Test
    void verificationRefusesOtherRequirementsAndRequirementsLeftOut() {
        assertThat(RequirementRules.verdicts(
                                List.of(row(1, "reqId", "REQ-PUR-001", "verified", "yes")),
                                List.of("REQ-FIN-001"),
                                "finance")
                        .problems())
                .containsExactly(
                        Problem.of("requirements.verify.otherRequirement", 1, "REQ-PUR-001", "finance"),
                        Problem.of("requirements.verify.unanswered", "REQ-FIN-001", "finance"));
    }

    @Test
    void verificationKeepsOneVerdictPerRequirement() {
        var verdicts = RequirementRules.verdicts(
                List.of(
                        row(1, "reqId", "REQ-FIN-001", "verified", true),
                        row(2, "reqId", "REQ-FIN-002", "verified", "no", "verificationComment", "Too slow")),
                List.of("REQ-FIN-001", "REQ-FIN-002"),
                "finance");
        assertThat(verdicts.problems()).isEmpty();
        assertThat(verdicts.verdicts().values())
                .containsExactly(new Verdict("REQ-FIN-001", true, null), new Verdict("REQ-FIN-002", false, "Too slow"));
    }

    @Test
    void approvalNeedsADecisionAndACommentWhenNotApproved() {
        assertThat(RequirementRules.approval(null, null, 1, "finance"))
                .containsExactly(Problem.of("requirements.approval.decisionRequired", 1, "finance"));
        assertThat(RequirementRules.approval(false, null, 1, "finance"))
                .containsExactly(Problem.of("requirements.approval.commentRequired", 1, "finance"));
        assertThat(RequirementRules.approval(false, "Change the budget rule", 1, "finance"))
                .isEmpty();
        assertThat(RequirementRules.approval(true, null, 1, "finance")).isEmpty();
    }
}
