package io.rollout.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * The user's part of each task of the requirements phase in the real Tasklist, as a consultant or a department's
 * business owner does it: open the task from the list, claim it, fill its form and complete it. Each step takes a
 * Tasklist logged in as the right user and the task (its name and id, found with the engine's task query), and returns
 * the height of the form as it was completed, so a journey can check that the page stays a few screens long. The steps
 * work on any project that reached the task, by the earlier phases or by a test.
 */
class RequirementsSteps {

    static final String CONSULTANTS = "Consultants";
    static final String OWNERS = "Open tasks for me";
    static final String MY_TASKS = "My tasks";

    /** A requirement as the consultant types it in the capture task; {@code reqId} may be null for a generated one. */
    record Captured(
            String reqId,
            String title,
            String painPoint,
            String goal,
            String expectedEffect,
            String priority,
            String acceptanceCriterion) {}

    /** The solution chosen for a requirement in the match task: the option's label and how it meets the requirement. */
    record Solution(String label, String note) {}

    /** A requirement a change request adds to the baselined specification, with the labels the form shows. */
    record Added(
            String reqId,
            String department,
            String title,
            String priority,
            String acceptanceCriterion,
            String solution) {}

    private RequirementsSteps() {}

    /** Interview, questionnaire or process mapping (form {@code recordResearchActivity}): date, participants, notes. */
    static long recordResearchSession(
            Tasklist tasklist, Task task, LocalDate heldOn, String participants, String notes) {
        open(tasklist, CONSULTANTS, task)
                .date("Field_HeldOn", null, heldOn)
                .type("Field_Participants", null, participants)
                .type("Field_ActivityNotes", null, notes);
        return complete(tasklist);
    }

    /**
     * Capture requirements for a department (form {@code captureRequirements}): each requirement in a row of its own,
     * added with the list's "Add new" button after the rows the form already shows, which stay as they are.
     */
    static long captureRequirements(Tasklist tasklist, Task task, List<Captured> requirements) {
        open(tasklist, CONSULTANTS, task);
        for (Captured r : requirements) {
            int row = tasklist.addRow("List_Requirements", "Field_Requirement_Title");
            if (r.reqId() != null) {
                tasklist.type("Field_Requirement_ReqId", row, r.reqId());
            }
            tasklist.type("Field_Requirement_Title", row, r.title())
                    .select("Field_Requirement_Priority", row, r.priority());
            typeIfGiven(tasklist, "Field_Requirement_PainPoint", row, r.painPoint());
            typeIfGiven(tasklist, "Field_Requirement_Goal", row, r.goal());
            typeIfGiven(tasklist, "Field_Requirement_ExpectedEffect", row, r.expectedEffect());
            typeIfGiven(tasklist, "Field_Requirement_AcceptanceCriterion", row, r.acceptanceCriterion());
        }
        return complete(tasklist);
    }

    /** The department owner's review (form {@code reviewDepartmentRequirements}): complete or not, with a comment. */
    static long reviewRequirements(Tasklist tasklist, Task task, boolean complete, String comment) {
        open(tasklist, OWNERS, task).radio("Field_DepartmentReviewOk", complete ? "Yes" : "No");
        typeIfGiven(tasklist, "Field_ReviewComment", null, comment);
        return complete(tasklist);
    }

    /** Clarify requirements (form {@code clarifyRequirements}): the acceptance criteria settled with the departments. */
    static long clarifyRequirements(Tasklist tasklist, Task task, Map<String, String> acceptanceCriteria) {
        open(tasklist, CONSULTANTS, task);
        acceptanceCriteria.forEach((reqId, criterion) -> tasklist.type(
                "Field_ClarifyRequirement_AcceptanceCriterion",
                tasklist.row("Field_ClarifyRequirement_ReqId", reqId),
                criterion));
        return complete(tasklist);
    }

    /** Match requirements to solutions (form {@code matchSolutions}): solution and note per requirement given. */
    static long matchSolutions(Tasklist tasklist, Task task, Map<String, Solution> solutions) {
        open(tasklist, CONSULTANTS, task);
        solutions.forEach((reqId, solution) -> {
            int row = tasklist.row("Field_MatchRequirement_ReqId", reqId);
            tasklist.select("Field_MatchRequirement_SolutionMatch", row, solution.label());
            typeIfGiven(tasklist, "Field_MatchRequirement_SolutionNote", row, solution.note());
        });
        return complete(tasklist);
    }

    /**
     * Verify expected effects (form {@code verifyEffects}): "Yes" for every requirement of the department except those
     * given with the reason why the solution falls short.
     */
    static long verifyEffects(Tasklist tasklist, Task task, Map<String, String> notDelivered) {
        open(tasklist, OWNERS, task);
        int rows = tasklist.rows("Field_Verification_ReqId");
        for (int row = 0; row < rows; row++) {
            String reason = notDelivered.get(tasklist.value("Field_Verification_ReqId", row));
            tasklist.select("Field_Verification_Verified", row, reason == null ? "Yes" : "No");
            typeIfGiven(tasklist, "Field_Verification_Comment", row, reason);
        }
        return complete(tasklist);
    }

    /** Approve specification vN for a department (form {@code approveSpecification}): yes or no, with a comment. */
    static long approveSpecification(Tasklist tasklist, Task task, boolean approve, String comment) {
        open(tasklist, OWNERS, task).radio("Field_SpecApproved", approve ? "Yes" : "No");
        typeIfGiven(tasklist, "Field_ApprovalComment", null, comment);
        return complete(tasklist);
    }

    /**
     * Update the specification for an approved change request (form {@code updateSpecification}): the affected
     * requirements' acceptance criteria changed, and requirements added in rows of their own.
     */
    static long updateSpecification(
            Tasklist tasklist, Task task, Map<String, String> acceptanceCriteria, List<Added> added) {
        open(tasklist, CONSULTANTS, task);
        acceptanceCriteria.forEach((reqId, criterion) -> tasklist.type(
                "Field_ChangedRequirement_AcceptanceCriterion",
                tasklist.row("Field_ChangedRequirement_ReqId", reqId),
                criterion));
        for (Added r : added) {
            int row = tasklist.addRow("List_ChangedRequirements", "Field_ChangedRequirement_Title");
            tasklist.type("Field_ChangedRequirement_ReqId", row, r.reqId())
                    .select("Field_ChangedRequirement_Department", row, r.department())
                    .type("Field_ChangedRequirement_Title", row, r.title())
                    .select("Field_ChangedRequirement_Priority", row, r.priority())
                    .type("Field_ChangedRequirement_AcceptanceCriterion", row, r.acceptanceCriterion())
                    .select("Field_ChangedRequirement_SolutionMatch", row, r.solution());
        }
        return complete(tasklist);
    }

    /**
     * Opens the task from the filter's list, fresh from the server, claims it and opens it again from "My tasks"
     * (choosing a filter loads its list): a claimed task leaves the candidates' lists, and Complete is done when the
     * task leaves the list it was opened from.
     */
    static Tasklist open(Tasklist tasklist, String filter, Task task) {
        tasklist.reload().filter(filter).open(task.getName(), task.getId()).claim();
        return tasklist.filter(MY_TASKS).open(task.getName(), task.getId());
    }

    private static long complete(Tasklist tasklist) {
        long height = tasklist.formHeight();
        tasklist.complete();
        return height;
    }

    private static void typeIfGiven(Tasklist tasklist, String field, Integer row, String text) {
        if (text != null) {
            tasklist.type(field, row, text);
        }
    }
}
