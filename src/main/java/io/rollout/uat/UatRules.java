package io.rollout.uat;

import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the UAT forms must submit before anything is stored: the round plan of {@code UserTask_PlanUatRound}
 * (every included case with a tester who is a key user), a tester's results of {@code UserTask_ExecuteUatRound}
 * (only their own cases, each once, with a result; a blocked case says why; a failure describes its defect unless
 * it is a failed retest of a fixed defect), the triage of {@code UserTask_TriageDefects} (every open defect with a
 * developer, a changed severity with a reason) and a developer's fixes of {@code UserTask_FixDefects} (their own
 * open defects, a fix note for each one fixed). Problems name the row. Plain rule: no engine, no Spring.
 */
final class UatRules {

    static final List<String> RESULTS = List.of("pass", "fail", "blocked");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final int MAX_TEXT = 2000;

    /**
     * What a tester's results are checked against.
     *
     * @param tester   the tester of the task
     * @param mine     the cases assigned to the tester in the round
     * @param cases    the project's test cases by id
     * @param toRetest the cases with a fixed defect to retest
     */
    record Round(String tester, Set<String> mine, Map<String, TestCase> cases, Set<String> toRetest) {}

    /** A tester's result for one case; severity, module and description describe the defect a failure raises. */
    record Execution(String caseId, String result, String comment, String severity, String module, String description) {

        boolean newDefect() {
            return severity != null || description != null;
        }
    }

    /** The developer a triaged defect is assigned to, and its severity (with the reason when changed). */
    record Assignment(String developer, String severity, String reason) {}

    private UatRules() {}

    /**
     * Checks the round plan: the included cases with their testers, by case id.
     *
     * @param known   the project's test case ids
     * @param keyUser whether a user is a key user
     */
    static Checked<Map<String, String>> plan(List<FormRow> rows, Set<String> known, Predicate<String> keyUser) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> assignments = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            String caseId = row.text("caseId");
            if (caseId == null || !known.contains(caseId)) {
                problems.add(new Problem("uat.round.unknownCase", row.number(), caseId));
            } else if (!seen.add(caseId)) {
                problems.add(new Problem("uat.case.duplicate", row.number(), caseId));
            } else if (row.bool("include")) {
                String tester = row.text("tester");
                if (tester == null) {
                    problems.add(new Problem("uat.plan.testerRequired", row.number(), caseId));
                } else if (!keyUser.test(tester)) {
                    problems.add(new Problem("uat.plan.notKeyUser", row.number(), tester));
                } else {
                    assignments.put(caseId, tester);
                }
            }
        }
        if (assignments.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("uat.plan.empty"));
        }
        return Checked.of(assignments, problems);
    }

    /** Checks a tester's results: one row for each of their cases of the round. */
    static Checked<List<Execution>> results(List<FormRow> rows, Round round) {
        List<Problem> problems = new ArrayList<>();
        List<Execution> executions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormRow row : rows) {
            String caseId = ownCase(row, round, seen, problems);
            if (caseId != null) {
                executions.add(execution(row, caseId, round, problems));
            }
        }
        List<String> missing =
                round.mine().stream().filter(id -> !seen.contains(id)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("uat.round.missingCases", String.join(", ", missing)));
        }
        if (round.mine().isEmpty()) {
            problems.add(new Problem("uat.round.empty"));
        }
        return Checked.of(List.copyOf(executions), problems);
    }

    /** The row's case when it is a case of the tester not seen before; otherwise {@code null}, with the problem. */
    private static String ownCase(FormRow row, Round round, Set<String> seen, List<Problem> problems) {
        String caseId = row.text("caseId");
        if (caseId == null) {
            problems.add(new Problem("form.row.required", row.number(), label("caseId")));
        } else if (!round.cases().containsKey(caseId)) {
            problems.add(new Problem("uat.round.unknownCase", row.number(), caseId));
        } else if (!round.mine().contains(caseId)) {
            problems.add(new Problem("uat.round.notYourCase", row.number(), caseId, round.tester()));
        } else if (!seen.add(caseId)) {
            problems.add(new Problem("uat.case.duplicate", row.number(), caseId));
        } else {
            return caseId;
        }
        return null;
    }

    private static Execution execution(FormRow row, String caseId, Round round, List<Problem> problems) {
        String module =
                row.text("defectModule") == null ? round.cases().get(caseId).module() : row.text("defectModule");
        Execution e = new Execution(
                caseId,
                row.text("result"),
                row.text("comment"),
                row.text("defectSeverity"),
                module,
                row.text("defectDescription"));
        result(row.number(), e, round.toRetest().contains(caseId), problems);
        tooLong(row.number(), e.description(), "defectDescription", problems);
        tooLong(row.number(), e.comment(), "comment", problems);
        return e;
    }

    /** A result, and what it needs: a failure its defect (unless it fails the retest of a fixed one), a block a comment. */
    private static void result(int number, Execution e, boolean retest, List<Problem> problems) {
        if (e.result() == null) {
            problems.add(new Problem("form.row.required", number, label("result")));
        } else if (!RESULTS.contains(e.result())) {
            problems.add(
                    new Problem("form.row.choice", number, label("result"), String.join("/", RESULTS), e.result()));
        } else if ("fail".equals(e.result())) {
            if (e.newDefect() || !retest) {
                defect(number, e, problems);
            }
        } else if (e.newDefect()) {
            problems.add(new Problem("uat.round.defectOnlyOnFail", number, e.caseId()));
        } else if ("blocked".equals(e.result()) && e.comment() == null) {
            problems.add(new Problem("uat.round.blockedNeedsComment", number, e.caseId()));
        }
    }

    private static void defect(int number, Execution e, List<Problem> problems) {
        if (e.severity() == null) {
            problems.add(new Problem("uat.round.failNeedsDefect", number, e.caseId(), label("defectSeverity")));
        } else if (!SEVERITIES.contains(e.severity())) {
            problems.add(new Problem(
                    "form.row.choice", number, label("defectSeverity"), String.join("/", SEVERITIES), e.severity()));
        }
        if (e.description() == null) {
            problems.add(new Problem("uat.round.failNeedsDefect", number, e.caseId(), label("defectDescription")));
        }
    }

    /**
     * Checks the triage: every open defect gets a developer and keeps its severity or changes it with a reason.
     *
     * @param open      the open defects by id
     * @param developer whether a user is a developer
     */
    static Checked<Map<Long, Assignment>> triage(
            List<FormRow> rows, Map<Long, Defect> open, Predicate<String> developer) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Assignment> assignments = new LinkedHashMap<>();
        for (FormRow row : rows) {
            Long id = defectId(row, problems);
            Defect defect = id == null ? null : open.get(id);
            if (id != null && defect == null) {
                problems.add(new Problem("uat.defect.notOpen", row.number(), String.valueOf(id)));
            }
            if (defect != null) {
                assignments.put(id, assignment(row, defect, developer, problems));
            }
        }
        open.keySet().stream()
                .filter(id -> !assignments.containsKey(id))
                .forEach(id -> problems.add(new Problem("uat.triage.missing", String.valueOf(id))));
        return Checked.of(assignments, problems);
    }

    private static Assignment assignment(
            FormRow row, Defect defect, Predicate<String> developers, List<Problem> problems) {
        String id = String.valueOf(defect.id());
        String developer = row.text("developer");
        String severity = row.text("severity") == null ? defect.severity() : row.text("severity");
        String reason = row.text("severityReason");
        if (developer == null) {
            problems.add(new Problem("uat.triage.developerRequired", row.number(), id));
        } else if (!developers.test(developer)) {
            problems.add(new Problem("uat.triage.notDeveloper", row.number(), developer));
        }
        if (!SEVERITIES.contains(severity)) {
            problems.add(new Problem(
                    "form.row.choice", row.number(), label("defectSeverity"), String.join("/", SEVERITIES), severity));
        } else if (!severity.equals(defect.severity()) && reason == null) {
            problems.add(new Problem("uat.triage.severityReason", row.number(), id, defect.severity(), severity));
        }
        return new Assignment(developer, severity, reason);
    }

    /**
     * Checks a developer's fixes: the fix notes of the defects marked fixed, by defect id.
     *
     * @param open      the open defects of the developer (of anyone when {@code developer} is {@code null})
     * @param developer the developer of the task
     */
    static Checked<Map<Long, String>> fixes(List<FormRow> rows, Map<Long, Defect> open, String developer) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, String> fixes = new LinkedHashMap<>();
        for (FormRow row : rows) {
            Long id = defectId(row, problems);
            if (id == null) {
                continue;
            }
            String note = row.text("fixNote");
            if (!open.containsKey(id)) {
                problems.add(new Problem(
                        developer == null ? "uat.defect.notOpen" : "uat.defect.notYours",
                        row.number(),
                        String.valueOf(id),
                        developer));
            } else if (!row.bool("fixed")) {
                continue;
            } else if (note == null) {
                problems.add(new Problem("uat.defect.fixNoteRequired", row.number(), String.valueOf(id)));
            } else if (note.length() > MAX_TEXT) {
                problems.add(new Problem("uat.row.tooLong", row.number(), label("fixNote"), MAX_TEXT));
            } else {
                fixes.put(id, note);
            }
        }
        return Checked.of(fixes, problems);
    }

    /** The defect id of a row of the triage and fix forms, or {@code null} with a problem naming the row. */
    static Long defectId(FormRow row, List<Problem> problems) {
        try {
            Integer id = row.integer("defectId");
            if (id == null) {
                problems.add(new Problem("form.row.required", row.number(), label("defectId")));
            }
            return id == null ? null : id.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("form.row.number", row.number(), label("defectId"), row.text("defectId")));
            return null;
        }
    }

    private static void tooLong(int number, String value, String field, List<Problem> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new Problem("uat.row.tooLong", number, label(field), MAX_TEXT));
        }
    }

    private static Label label(String field) {
        return new Label("uat.field." + field);
    }
}
