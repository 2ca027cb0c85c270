package io.rollout.requirements;

import io.rollout.requirements.EffectVerificationRule.Verdict;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the forms of {@code requirementsPhase} accept: a research session ({@code researchActivity}), the
 * requirement rows of capture and clarification ({@code requirementCapture}), the owner's review
 * ({@code requirementReview}), the solution matches ({@code solutionMatching}), the effect verdicts
 * ({@code effectVerification}) and the specification approval ({@code specificationApproval}). Each check
 * returns every problem, so the listener refuses the submission once with all of them. Plain class: no engine,
 * no Spring.
 */
final class RequirementRules {

    static final int PARTICIPANTS_MAX = 1000;
    static final int ACTIVITY_NOTES_MAX = 4000;
    static final int NOTE_MAX = 2000;

    /** A research session as submitted: {@code heldOn} is {@code null} unless a date was given. */
    record Session(LocalDate heldOn, String participants, String notes, List<Problem> problems) {}

    /** A requirement row as drafted from the form, with the row number the user sees. */
    record Draft(int row, Requirement requirement) {}

    /** The solution (and its note) chosen per requirement id, in the order of the rows. */
    record Matches(Map<String, String> solutions, Map<String, String> notes, List<Problem> problems) {}

    /** One verdict per requirement id, in the order of the rows. */
    record Verdicts(Map<String, Verdict> verdicts, List<Problem> problems) {}

    private RequirementRules() {}

    /** A session needs the day it was held (an ISO date; a datetime is cut to its date) and its participants. */
    static Session session(String heldOnText, String participants, String notes) {
        List<Problem> problems = new ArrayList<>();
        LocalDate heldOn = null;
        if (heldOnText == null) {
            problems.add(Problem.of("form.field.required", "heldOn"));
        } else {
            try {
                heldOn = LocalDate.parse(heldOnText.length() > 10 ? heldOnText.substring(0, 10) : heldOnText);
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("requirements.research.date", heldOnText));
            }
        }
        if (participants == null) {
            problems.add(Problem.of("form.field.required", "participants"));
        } else if (participants.length() > PARTICIPANTS_MAX) {
            problems.add(Problem.of("requirements.research.tooLong", "participants", PARTICIPANTS_MAX));
        }
        if (notes != null && notes.length() > ACTIVITY_NOTES_MAX) {
            problems.add(Problem.of("requirements.research.tooLong", "activityNotes", ACTIVITY_NOTES_MAX));
        }
        return new Session(heldOn, participants, notes, List.copyOf(problems));
    }

    /**
     * The problems of captured ({@code department} set) or clarified ({@code department} {@code null}) rows: the
     * checks of {@link RequirementFields#check}, a department in the project's scope, no id twice, and in a
     * department's capture no id of another department's requirement.
     *
     * @param stored  the project's requirements by id in capitals
     * @param inScope the project's departments
     */
    static List<Problem> captured(
            List<Draft> drafts, String department, Map<String, Requirement> stored, List<String> inScope, String code) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Draft draft : drafts) {
            int row = draft.row();
            Requirement r = draft.requirement();
            problems.addAll(RequirementFields.check(row, r, key -> key));
            if (r.department() == null) {
                problems.add(Problem.of("form.row.required", row, "department"));
            } else if (!inScope.contains(r.department())) {
                problems.add(Problem.of(
                        "requirements.row.departmentNotInScope",
                        row,
                        r.department(),
                        code,
                        String.join(", ", inScope)));
            }
            if (r.reqId() != null) {
                String id = r.reqId().toUpperCase(Locale.ROOT);
                Integer first = seen.putIfAbsent(id, row);
                if (first != null) {
                    problems.add(Problem.of("requirements.row.duplicateId", row, r.reqId(), first));
                }
                String owner = stored.containsKey(id) ? stored.get(id).department() : null;
                if (department != null && owner != null && !owner.equals(department)) {
                    problems.add(Problem.of("requirements.row.otherDepartment", row, r.reqId(), owner));
                }
            }
        }
        return problems;
    }

    /** The owner's review needs yes or no, and a comment with a no. */
    static List<Problem> review(Boolean ok, String comment, String department) {
        if (ok == null) {
            return List.of(Problem.of("requirements.review.decisionRequired", department));
        }
        if (!ok && comment == null) {
            return List.of(Problem.of("requirements.review.commentRequired", department));
        }
        return List.of();
    }

    /**
     * Matching rows: each a requirement that is not withdrawn ({@code stored}, by id), at most once, with a
     * solution of {@link RequirementFields#SOLUTION_MATCHES} or none, and a note of at most {@value #NOTE_MAX}
     * characters. A row without the key {@code solutionNote} keeps the stored note.
     */
    static Matches matches(List<FormRow> rows, Map<String, Requirement> stored) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> solutions = new LinkedHashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (FormRow row : rows) {
            String id = RequirementFields.reqId(row.text("reqId"));
            String match = RequirementFields.solutionMatch(row.text("solutionMatch"));
            if (id == null || !stored.containsKey(id)) {
                problems.add(Problem.of("requirements.match.unknownId", row.number(), id == null ? "" : id));
                continue;
            }
            Integer first = seen.putIfAbsent(id, row.number());
            if (first != null) {
                problems.add(Problem.of("requirements.row.duplicateId", row.number(), id, first));
            }
            if (match != null && !RequirementFields.SOLUTION_MATCHES.contains(match)) {
                problems.add(Problem.of(
                        "form.row.choice",
                        row.number(),
                        "solutionMatch",
                        String.join("/", RequirementFields.SOLUTION_MATCHES),
                        match));
            }
            String note = row.values().containsKey("solutionNote")
                    ? row.text("solutionNote")
                    : stored.get(id).solutionNote();
            if (note != null && note.length() > NOTE_MAX) {
                problems.add(
                        Problem.of("requirements.row.tooLong", row.number(), "solutionNote", note.length(), NOTE_MAX));
            }
            solutions.put(id, match);
            notes.put(id, note);
        }
        return new Matches(solutions, notes, List.copyOf(problems));
    }

    /**
     * A department owner's verdicts: a row per open requirement of the department ({@code open}) and no other,
     * each yes or no, a no with a comment, a comment of at most {@value #NOTE_MAX} characters.
     */
    static Verdicts verdicts(List<FormRow> rows, List<String> open, String department) {
        List<String> unanswered = new ArrayList<>(open);
        List<Problem> problems = new ArrayList<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (FormRow row : rows) {
            String id = RequirementFields.reqId(row.text("reqId"));
            if (id == null || !unanswered.contains(id) && !verdicts.containsKey(id)) {
                problems.add(Problem.of("requirements.verify.otherRequirement", row.number(), id, department));
                continue;
            }
            Boolean verified = FormInput.yesNo(row.values().get("verified"));
            String comment = row.text("verificationComment");
            if (verified == null) {
                problems.add(Problem.of("requirements.verify.decisionRequired", row.number(), id));
            } else if (!verified && comment == null) {
                problems.add(Problem.of("requirements.verify.commentRequired", row.number(), id));
            } else if (comment != null && comment.length() > NOTE_MAX) {
                problems.add(Problem.of(
                        "requirements.row.tooLong", row.number(), "verificationComment", comment.length(), NOTE_MAX));
            }
            unanswered.remove(id);
            verdicts.put(id, new Verdict(id, Boolean.TRUE.equals(verified), comment));
        }
        unanswered.forEach(id -> problems.add(Problem.of("requirements.verify.unanswered", id, department)));
        return new Verdicts(verdicts, List.copyOf(problems));
    }

    /** An owner's approval of specification {@code version} needs yes or no, and a comment with a no. */
    static List<Problem> approval(Boolean approved, String comment, int version, String department) {
        if (approved == null) {
            return List.of(Problem.of("requirements.approval.decisionRequired", version, department));
        }
        if (!approved && comment == null) {
            return List.of(Problem.of("requirements.approval.commentRequired", version, department));
        }
        return List.of();
    }
}
