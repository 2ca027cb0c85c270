package io.rollout.browser;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * The user's part of every task of user acceptance testing ({@code userAcceptanceTest}) in Tasklist, one method per
 * task: each opens the task from the list of the filter its user works with, claims it when it is offered to a
 * group, fills the form as a person does (typing, choosing, picking people by name) and completes it. The caller
 * logs the user in and finds the task (name and id) with the engine's {@code TaskService}; nothing here depends on
 * how the project reached the task, so a walk of a whole project uses the same steps.
 */
final class UatSteps {

    static final String KEY_USERS = "Key users";
    static final String PMO = "PMO / project managers";
    static final String MY_TASKS = "My tasks";

    /**
     * A test case as the key user types it. {@code priority} and labels are what the form shows ("High").
     *
     * @param requirementIds comma-separated, e.g. {@code REQ-PUR-001, REQ-PUR-002}
     */
    record TestCase(
            String caseId,
            String title,
            String requirementIds,
            String module,
            String priority,
            String steps,
            String expectedResult) {}

    /**
     * The result a key user records for one case: {@code result} "Pass", "Fail" or "Blocked"; for a failure the
     * defect's severity ("High") and description (module as prefilled when {@code module} is null).
     */
    record Result(String caseId, String result, String severity, String module, String description, String comment) {

        static Result pass(String caseId) {
            return new Result(caseId, "Pass", null, null, null, null);
        }

        static Result fail(String caseId, String severity, String description) {
            return new Result(caseId, "Fail", severity, null, description, null);
        }
    }

    private UatSteps() {}

    /**
     * Prepare UAT test cases (key user): adds the given cases as rows of the list — into the empty row a new list
     * starts with, else as added rows — and completes; the prefilled cases stay as they are.
     */
    static void prepareTestCases(Tasklist tasklist, Task task, List<TestCase> cases) {
        claim(tasklist.filter(KEY_USERS).open(task.getName(), task.getId()));
        for (TestCase c : cases) {
            int row = emptyRow(tasklist, "Field_CaseId");
            if (row < 0) {
                row = tasklist.addRow("List_TestCases", "Field_CaseId");
            }
            tasklist.type("Field_CaseId", row, c.caseId())
                    .type("Field_CaseTitle", row, c.title())
                    .type("Field_RequirementIds", row, c.requirementIds())
                    .select("Field_Priority", row, c.priority());
            typeIfGiven(tasklist, "Field_Module", row, c.module());
            typeIfGiven(tasklist, "Field_Steps", row, c.steps());
            typeIfGiven(tasklist, "Field_ExpectedResult", row, c.expectedResult());
        }
        tasklist.complete();
    }

    /**
     * Plan UAT round (PMO): includes exactly the cases of {@code testers} and picks each one's tester by the name the
     * picker shows (e.g. "Li Sun (sunli)"); every other case is left out of the round.
     */
    static void planRound(Tasklist tasklist, Task task, Map<String, String> testers) {
        claim(tasklist.filter(PMO).open(task.getName(), task.getId()));
        for (int row = 0; row < tasklist.rows("Field_PlanCaseId"); row++) {
            String tester = testers.get(tasklist.value("Field_PlanCaseId", row));
            tasklist.tick("Field_Include", row, tester != null);
            if (tester != null) {
                tasklist.pick("Field_Tester", row, tester);
            }
        }
        tasklist.complete();
    }

    /** Execute UAT round (the key user it is assigned to): records a result for each case and completes. */
    static void executeRound(Tasklist tasklist, Task task, List<Result> results) {
        tasklist.filter(MY_TASKS).open(task.getName(), task.getId());
        for (Result r : results) {
            int row = tasklist.row("Field_ResultCaseId", r.caseId());
            tasklist.select("Field_Result", row, r.result());
            if (r.severity() != null) {
                tasklist.select("Field_DefectSeverity", row, r.severity());
            }
            typeIfGiven(tasklist, "Field_DefectModule", row, r.module());
            typeIfGiven(tasklist, "Field_DefectDescription", row, r.description());
            typeIfGiven(tasklist, "Field_Comment", row, r.comment());
        }
        tasklist.complete();
    }

    /**
     * Assign defects (PMO): picks the developer of each open defect by the case it was raised on (case id → the
     * developer's name as the picker shows it) and completes; severities stay as raised.
     */
    static void assignDefects(Tasklist tasklist, Task task, Map<String, String> developers) {
        claim(tasklist.filter(PMO).open(task.getName(), task.getId()));
        developers.forEach((caseId, developer) ->
                tasklist.pick("Field_Developer", tasklist.row("Field_TriageCaseId", caseId), developer));
        tasklist.complete();
    }

    /** Fix defects (the developer it is assigned to): ticks Fixed with a note for each case's defect and completes. */
    static void fixDefects(Tasklist tasklist, Task task, Map<String, String> fixNotes) {
        tasklist.filter(MY_TASKS).open(task.getName(), task.getId());
        fixNotes.forEach((caseId, note) -> {
            int row = tasklist.row("Field_DefectCaseId", caseId);
            tasklist.tick("Field_Fixed", row, true).type("Field_FixNote", row, note);
        });
        tasklist.complete();
    }

    /** Claims the open task unless the user already has it (a task offered to a group is claimed before work). */
    static Tasklist claim(Tasklist tasklist) {
        return tasklist.assignee().isEmpty() ? tasklist.claim() : tasklist;
    }

    /** The first row whose field is empty, or -1. */
    static int emptyRow(Tasklist tasklist, String fieldId) {
        for (int row = 0; row < tasklist.rows(fieldId); row++) {
            String value = tasklist.value(fieldId, row);
            if (value == null || value.isEmpty()) {
                return row;
            }
        }
        return -1;
    }

    static void typeIfGiven(Tasklist tasklist, String fieldId, int row, String text) {
        if (text != null) {
            tasklist.type(fieldId, row, text);
        }
    }
}
