package io.rollout.browser;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * The go-live and cutover tasks as their users do them in Tasklist, one method per task: each takes a logged-in
 * {@link Tasklist} and the engine's task (for its name and id), opens the task from the list of the user's filter,
 * claims it, fills the form as a user does — people and departments picked by name, rows added — and completes it.
 * Nothing here depends on how the project reached go-live, so a walk through all phases uses the same methods.
 */
final class GoLiveSteps {

    static final String PMO_FILTER = "PMO / project managers";
    static final String STEERING_FILTER = "Steering committee";
    static final String OPERATIONS_FILTER = "IT operations";
    static final String FOR_ME_FILTER = "Open tasks for me";

    /**
     * A runbook step as the PMO plans it; {@code owner} as the picker shows the person, e.g. "Hao Xu (xuhao)", and
     * {@code after} the numbers of the steps it comes after ("1, 2", or "" for none).
     */
    record Step(int no, String title, String owner, int minutes, String after) {}

    /** A wave as the PMO plans it: departments by name, stabilisation days, on-call people as the picker shows them. */
    record Wave(List<String> departments, int stabilisationDays, List<String> onCall) {}

    /** The outcome of one runbook step in a run: the status as the select shows it, actual minutes, a note or null. */
    record StepRun(String status, int minutes, String note) {}

    private GoLiveSteps() {}

    /**
     * PMO, <em>Plan the cutover of …</em>: waves by department with the reason, the departments of each wave, its
     * stabilisation days and on-call team (rows added as needed), and the runbook (prefilled rows overwritten, rows
     * added, owners picked, dependencies typed).
     */
    static void planWaves(Tasklist tasklist, Task task, String reason, List<Wave> waves, List<Step> steps) {
        fillWaves(
                claim(tasklist, PMO_FILTER, task)
                        .select("Field_CutoverStrategy", null, "Waves by department (gray release)")
                        .enter("Field_StrategyReason", null, reason),
                waves);
        fillRunbook(tasklist, steps);
        tasklist.complete();
    }

    /**
     * PMO, <em>Plan the cutover of …</em> as a dual run: the reason, the days and the key figures with their
     * tolerance in percent (in the order given), and the runbook.
     */
    static void planDualRun(
            Tasklist tasklist, Task task, String reason, int days, Map<String, String> tolerances, List<Step> steps) {
        claim(tasklist, PMO_FILTER, task)
                .select("Field_CutoverStrategy", null, "Dual run (parallel run with daily reconciliation)")
                .enter("Field_StrategyReason", null, reason)
                .enter("Field_DualRunDays", null, String.valueOf(days));
        int row = 0;
        for (Map.Entry<String, String> figure : tolerances.entrySet()) {
            if (row >= tasklist.rows("Field_FigureName")) {
                tasklist.addRow("List_KeyFigures", "Field_FigureName");
            }
            tasklist.enter("Field_FigureName", row, figure.getKey())
                    .enter("Field_FigureTolerance", row, figure.getValue());
            row++;
        }
        fillRunbook(tasklist, steps);
        tasklist.complete();
    }

    /** PMO, <em>Plan the cutover of …</em> again after a rollback or no-go: the prefilled plan as it stands. */
    static void planAgainAsBefore(Tasklist tasklist, Task task) {
        claim(tasklist, PMO_FILTER, task).complete();
    }

    /**
     * Steering committee, <em>Steering committee: decide go / no-go for …</em>: go with the strategy as the select
     * shows it; the conditions (for a conditional go) and the risk acceptance (against a no-go, or for a big bang)
     * only when given; the reason.
     */
    static void decideGo(
            Tasklist tasklist, Task task, String strategy, String conditions, String riskAcceptance, String reason) {
        claim(tasklist, STEERING_FILTER, task)
                .select("Field_GoLiveDecision", null, "Go")
                .select("Field_CutoverStrategy", null, strategy);
        if (conditions != null) {
            tasklist.type("Field_GoLiveConditions", null, conditions);
        }
        if (riskAcceptance != null) {
            tasklist.type("Field_RiskAcceptance", null, riskAcceptance);
        }
        tasklist.type("Field_DecisionReason", null, reason).complete();
    }

    /** Steering committee: no-go with its reason. */
    static void decideNoGo(Tasklist tasklist, Task task, String reason) {
        claim(tasklist, STEERING_FILTER, task)
                .select("Field_GoLiveDecision", null, "No-go")
                .type("Field_DecisionReason", null, reason)
                .complete();
    }

    /**
     * IT operations, a run of the runbook — <em>Rehearse the cutover of … (mock run)</em>, <em>Cut over wave n: …</em>
     * or <em>Cut over … (dual run)</em>: each step's status, actual minutes and note, in the order of the runbook,
     * and the report.
     */
    static void runRunbook(Tasklist tasklist, Task task, List<StepRun> steps, String report) {
        claim(tasklist, OPERATIONS_FILTER, task);
        for (int row = 0; row < steps.size(); row++) {
            StepRun step = steps.get(row);
            tasklist.select("Field_RunStatus", row, step.status())
                    .enter("Field_RunActual", row, String.valueOf(step.minutes()));
            if (step.note() != null) {
                tasklist.enter("Field_RunNote", row, step.note());
            }
        }
        tasklist.type("Field_CutoverReport", null, report).complete();
    }

    /** IT operations: every step of the runbook done in the given minutes each. */
    static void runRunbookAllDone(Tasklist tasklist, Task task, int steps, int minutes, String report) {
        runRunbook(tasklist, task, java.util.Collections.nCopies(steps, new StepRun("Done", minutes, null)), report);
    }

    /** Business owner of a wave's department, <em>Review wave n (…)</em>: stable (go on) or not, with a comment. */
    static void reviewWave(Tasklist tasklist, Task task, boolean stable, String comment) {
        claim(tasklist, FOR_ME_FILTER, task).radio("Field_ReviewDecision", stable ? "Yes" : "No");
        if (comment != null) {
            tasklist.type("Field_ReviewComment", null, comment);
        }
        tasklist.complete();
    }

    /**
     * On call for the wave, <em>Handle critical incident #n in wave …</em>: continue the wave, or roll it back, with
     * what was done.
     */
    static void handleCriticalIncident(Tasklist tasklist, Task task, boolean continueWave, String whatWasDone) {
        claim(tasklist, FOR_ME_FILTER, task)
                .radio("Field_ReviewDecision", continueWave ? "Yes" : "No")
                .type("Field_ReviewComment", null, whatWasDone)
                .complete();
    }

    /** Steering committee, <em>Steering committee: critical incident #n … not handled in time</em>. */
    static void interveneInCriticalIncident(Tasklist tasklist, Task task, String actions) {
        claim(tasklist, STEERING_FILTER, task)
                .type("Field_EscalationActions", null, actions)
                .complete();
    }

    /** IT operations, <em>Roll back …</em> (a wave, or the whole cutover): the rollback report. */
    static void rollBack(Tasklist tasklist, Task task, String report) {
        claim(tasklist, OPERATIONS_FILTER, task)
                .type("Field_RollbackReport", null, report)
                .complete();
    }

    /** PMO, <em>Resolve the go-live issues of …</em>: what was done. */
    static void resolveIssues(Tasklist tasklist, Task task, String whatWasDone) {
        claim(tasklist, PMO_FILTER, task)
                .type("Field_ResolutionNotes", null, whatWasDone)
                .complete();
    }

    /**
     * IT operations, <em>Reconcile the dual run of …: day n of m</em>: for each key figure (by name) the legacy and
     * the new system's value.
     */
    static void reconcileDualRun(Tasklist tasklist, Task task, Map<String, String[]> legacyAndNew) {
        claim(tasklist, OPERATIONS_FILTER, task);
        legacyAndNew.forEach((figure, values) -> {
            int row = tasklist.row("Field_FigureName", figure);
            tasklist.enter("Field_LegacyValue", row, values[0]).enter("Field_NewValue", row, values[1]);
        });
        tasklist.complete();
    }

    /** PMO, <em>End the dual run of …</em>: switch the legacy system off, or roll back with a comment. */
    static void endDualRun(Tasklist tasklist, Task task, boolean legacyOff, String comment) {
        claim(tasklist, PMO_FILTER, task).radio("Field_ReviewDecision", legacyOff ? "Yes" : "No");
        if (comment != null) {
            tasklist.type("Field_ReviewComment", null, comment);
        }
        tasklist.complete();
    }

    /**
     * Opens the task: from "My tasks" when the user has claimed it already, else from the filter's list, claiming it
     * there; a task offered to the user personally leaves "Open tasks for me" once claimed, so it is then opened
     * from "My tasks".
     */
    static Tasklist claim(Tasklist tasklist, String filter, Task task) {
        if (tasklist.filter("My tasks").lists(task.getId())) {
            return tasklist.open(task.getName(), task.getId());
        }
        tasklist.filter(filter).open(task.getName(), task.getId()).claim();
        if (FOR_ME_FILTER.equals(filter)) {
            tasklist.filter("My tasks").open(task.getName(), task.getId());
        }
        return tasklist;
    }

    private static void fillWaves(Tasklist tasklist, List<Wave> waves) {
        for (int row = 0; row < waves.size(); row++) {
            if (row >= tasklist.rows("Field_WaveStabilisation")) {
                tasklist.addRow("List_Waves", "Field_WaveStabilisation");
            }
            Wave wave = waves.get(row);
            for (String department : wave.departments()) {
                // offered by the name the user reads: 采购部 in a Chinese browser
                String shown = tasklist.name(department);
                tasklist.tagContaining("Field_WaveDepartments", row, shown, shown);
            }
            tasklist.enter("Field_WaveStabilisation", row, String.valueOf(wave.stabilisationDays()));
            for (String person : wave.onCall()) {
                tasklist.tagContaining("Field_WaveOnCall", row, name(person), person);
            }
        }
    }

    private static void fillRunbook(Tasklist tasklist, List<Step> steps) {
        for (int row = 0; row < steps.size(); row++) {
            if (row >= tasklist.rows("Field_StepTitle")) {
                tasklist.addRow("List_Runbook", "Field_StepTitle");
            }
            Step step = steps.get(row);
            tasklist.enter("Field_StepNo", row, String.valueOf(step.no()))
                    .enter("Field_StepTitle", row, step.title())
                    .choose("Field_StepOwner", row, name(step.owner()), step.owner())
                    .enter("Field_StepMinutes", row, String.valueOf(step.minutes()))
                    .enter("Field_StepDepends", row, step.after());
        }
        while (tasklist.rows("Field_StepTitle") > steps.size()) {
            tasklist.removeLastRow("List_Runbook", "Field_StepTitle");
        }
    }

    // what a user types to find a person: the name before the login in "Hao Xu (xuhao)"
    private static String name(String person) {
        int login = person.indexOf(" (");
        return login < 0 ? person : person.substring(0, login);
    }
}
