package io.rollout.browser;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * The governance part of a project as its people do it in Tasklist, one method per task type: each takes a logged-in
 * {@link Tasklist}, opens the task from the list (a task offered to the user's group is taken from "Open tasks for
 * me", claimed and opened again from "My tasks") or starts the process from the "Start process" dialog, fills the
 * form as a user does and completes it. Free of test shortcuts, so a walk through a whole project can call them
 * wherever the project stands. Labels are the ones the forms show (e.g. "Amber: at risk", "Procurement (采购部)").
 */
final class GovernanceSteps {

    static final String OPEN_FOR_ME = "Open tasks for me";
    static final String MY_TASKS = "My tasks";

    private GovernanceSteps() {}

    /** What the PMO enters to start a project; departments, modules and datasets by the labels the form shows. */
    record NewProject(
            String code,
            String name,
            String customer,
            String system,
            List<String> departments,
            List<String> modules,
            List<String> datasets) {}

    /** One phase of a programme: its project, and its departments, modules and datasets by their labels. */
    record NewPhase(
            String projectCode,
            String projectName,
            List<String> departments,
            List<String> modules,
            List<String> datasets) {}

    /** A risk (probability and impact 1–5) or an issue (severity label), owned by whoever raises it or not. */
    record NewRiskOrIssue(
            String projectCode,
            boolean risk,
            String title,
            String description,
            Integer probability,
            Integer impact,
            String severity,
            LocalDate ownItUntil) {}

    /**
     * The PMO starts an implementation project from Tasklist's "Start process" dialog with the start form; the
     * project code becomes the project's business key.
     */
    static Tasklist startProject(Tasklist tasklist, NewProject project) {
        typeAll(
                tasklist.startProcess("Implementation project"),
                fields(
                        "Field_ProjectCode",
                        project.code(),
                        "Field_ProjectName",
                        project.name(),
                        "Field_Customer",
                        project.customer()));
        tasklist.select("Field_SystemType", null, project.system());
        project.departments().forEach(d -> tasklist.check("Field_Departments", d));
        project.modules().forEach(m -> tasklist.check("Field_Modules", m));
        project.datasets().forEach(d -> tasklist.check("Field_Datasets", d));
        tasklist.start();
        return tasklist;
    }

    /** The PMO starts a programme of projects in sequence from the "Start process" dialog. */
    static Tasklist startProgramme(
            Tasklist tasklist, String code, String name, String customer, List<NewPhase> phases) {
        typeAll(
                tasklist.startProcess("Programme"),
                fields("Field_ProgrammeCode", code, "Field_ProgrammeName", name, "Field_Customer", customer));
        for (int i = 0; i < phases.size(); i++) {
            int row =
                    i < tasklist.rows("Field_PhaseProject") ? i : tasklist.addRow("List_Phases", "Field_PhaseProject");
            NewPhase phase = phases.get(i);
            tasklist.type("Field_PhaseProject", row, phase.projectCode())
                    .type("Field_PhaseName", row, phase.projectName());
            phase.departments().forEach(d -> tasklist.tag("Field_PhaseDepartments", row, d.substring(0, 3), d));
            phase.modules().forEach(m -> tasklist.tag("Field_PhaseModules", row, m.substring(0, 3), m));
            phase.datasets().forEach(d -> tasklist.tag("Field_PhaseDatasets", row, d.substring(0, 3), d));
        }
        tasklist.start();
        return tasklist;
    }

    /**
     * Someone on the project raises a change request from the "Start process" dialog: what should change, why, the
     * requirement ids and the milestone names (as in the plan) it affects.
     */
    static Tasklist raiseChangeRequest(
            Tasklist tasklist,
            String projectCode,
            String what,
            String why,
            List<String> requirementIds,
            List<String> milestones) {
        typeAll(
                tasklist.startProcess("Raise change request"),
                fields("Field_ProjectCode", projectCode, "Field_Description", what, "Field_ChangeReason", why));
        if (!requirementIds.isEmpty()) {
            tasklist.type("Field_AffectedRequirements", null, String.join(", ", requirementIds));
        }
        if (!milestones.isEmpty()) {
            tasklist.type("Field_AffectedMilestones", null, String.join("\n", milestones));
        }
        tasklist.start();
        return tasklist;
    }

    /** A consultant or the PMO states the impact of a change request; the risk level by its label ("High"). */
    static Tasklist analyseChangeImpact(
            Tasklist tasklist, Task task, int effortDays, int delayDays, String cost, String riskLevel, String notes) {
        take(tasklist, task)
                .type("Field_EffortDays", null, String.valueOf(effortDays))
                .type("Field_ScheduleDelayDays", null, String.valueOf(delayDays))
                .type("Field_Cost", null, cost)
                .select("Field_RiskLevel", null, riskLevel)
                .type("Field_ImpactNotes", null, notes)
                .complete();
        return tasklist;
    }

    /** The PMO or the steering committee (whom the routing chose) approves or rejects a change request. */
    static Tasklist decideChange(Tasklist tasklist, Task task, boolean approve, String reason) {
        take(tasklist, task)
                .radio(
                        "Field_ChangeDecision",
                        approve ? "Approve: re-baseline the plan and the specification" : "Reject");
        if (reason != null) {
            tasklist.type("Field_DecisionReason", null, reason);
        }
        tasklist.complete();
        return tasklist;
    }

    /** Someone on the project raises a risk or an issue from the "Start process" dialog. */
    static Tasklist raiseRiskOrIssue(Tasklist tasklist, NewRiskOrIssue entry) {
        typeAll(
                tasklist.startProcess("Raise risk or issue"),
                fields("Field_ProjectCode", entry.projectCode(), "Field_Title", entry.title()));
        tasklist.radio("Field_Kind", entry.risk() ? "Risk" : "Issue");
        if (entry.description() != null) {
            tasklist.type("Field_Description", null, entry.description());
        }
        if (entry.risk()) {
            tasklist.type("Field_Probability", null, String.valueOf(entry.probability()))
                    .type("Field_Impact", null, String.valueOf(entry.impact()));
        } else {
            tasklist.select("Field_Severity", null, entry.severity());
        }
        if (entry.ownItUntil() != null) {
            tasklist.radio("Field_Ownership", "I own it").date("Field_DueDate", null, entry.ownItUntil());
        }
        tasklist.start();
        return tasklist;
    }

    /** The PMO picks the owner of a risk or issue by name (typing part of it) and sets the due date. */
    static Tasklist assignOwner(Tasklist tasklist, Task task, String typed, String ownerLabel, LocalDate dueDate) {
        take(tasklist, task)
                .pick("Field_Owner", null, typed, ownerLabel)
                .date("Field_DueDate", null, dueDate)
                .complete();
        return tasklist;
    }

    /** The owner writes what was done about a risk or issue offered to them. */
    static Tasklist resolveRiskOrIssue(Tasklist tasklist, Task task, String whatWasDone) {
        take(tasklist, task).type("Field_Resolution", null, whatWasDone).complete();
        return tasklist;
    }

    /** The PMO has followed up an overdue risk or issue with its owner. */
    static Tasklist chaseOverdueRiskOrIssue(Tasklist tasklist, Task task) {
        take(tasklist, task).complete();
        return tasklist;
    }

    /**
     * The PMO writes the weekly status report: reads the facts, ticks the milestones reached (by their labels),
     * chooses the RAG status ("Green: on track", "Amber: at risk", "Red: off track") and writes the summary.
     */
    static Tasklist writeStatusReport(
            Tasklist tasklist, Task task, String rag, String summary, String... milestonesReached) {
        return report(tasklist, task, rag, summary, milestonesReached);
    }

    /** The steering committee holds its monthly review, the same way as the weekly report. */
    static Tasklist holdSteeringReview(
            Tasklist tasklist, Task task, String rag, String reviewAndDecisions, String... milestonesReached) {
        return report(tasklist, task, rag, reviewAndDecisions, milestonesReached);
    }

    /**
     * The PMO follows up overdue milestones: for the milestone of each row given (by name), picks another owner
     * (null keeps the owner) and ticks it reached or not.
     */
    static Tasklist followUpOverdueMilestones(Tasklist tasklist, Task task, List<OverdueFollowUp> rows) {
        take(tasklist, task);
        for (OverdueFollowUp followUp : rows) {
            int row = tasklist.row("Field_OverdueMilestone", followUp.milestone());
            if (followUp.typedOwner() != null) {
                tasklist.pick("Field_OverdueOwner", row, followUp.typedOwner(), followUp.ownerLabel());
            }
            if (followUp.reached()) {
                tasklist.tick("Field_OverdueReached", row, true);
            }
        }
        tasklist.complete();
        return tasklist;
    }

    /** What the PMO does with one overdue milestone: another owner (by name) or none, reached or not. */
    record OverdueFollowUp(String milestone, String typedOwner, String ownerLabel, boolean reached) {}

    /** A member of the steering committee cancels a project from the "Start process" dialog, with the reason. */
    static Tasklist cancelProject(Tasklist tasklist, String projectCode, String reason) {
        typeAll(
                tasklist.startProcess("Cancel project"),
                fields("Field_ProjectCode", projectCode, "Field_CancellationReason", reason));
        tasklist.start();
        return tasklist;
    }

    /**
     * Takes a task offered to the user or their group: a task the user has claimed already is opened from "My
     * tasks"; otherwise it is opened from "Open tasks for me", claimed, and opened again from "My tasks", where a
     * claimed task is listed (and where Complete is watched).
     */
    static Tasklist take(Tasklist tasklist, Task task) {
        // "My tasks" first: the tooltip of "Open tasks for me" covers "My tasks" while the pointer rests on it
        if (!tasklist.filter(MY_TASKS).lists(task.getId())) {
            tasklist.filter(OPEN_FOR_ME)
                    .open(task.getName(), task.getId())
                    .claim()
                    .filter(MY_TASKS);
        }
        return tasklist.open(task.getName(), task.getId());
    }

    /**
     * Types the text fields of a start form and looks at them again before going on: under load Tasklist's start
     * dialog has been seen to render its form once more right after showing it, losing what was typed first; a user
     * sees the empty field and types again, and so does this step.
     */
    private static void typeAll(Tasklist tasklist, Map<String, String> fields) {
        // in the order given, as a user goes down the form
        fields.forEach((id, text) -> tasklist.type(id, null, text));
        for (int look = 0; look < 3; look++) {
            fields.entrySet().stream()
                    .filter(f -> !f.getValue().equals(tasklist.value(f.getKey(), null)))
                    .forEach(f -> tasklist.type(f.getKey(), null, f.getValue()));
        }
    }

    private static Map<String, String> fields(String... idsAndTexts) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < idsAndTexts.length; i += 2) {
            fields.put(idsAndTexts[i], idsAndTexts[i + 1]);
        }
        return fields;
    }

    private static Tasklist report(Tasklist tasklist, Task task, String rag, String text, String... milestonesReached) {
        take(tasklist, task);
        for (String milestone : milestonesReached) {
            tasklist.check("Field_MilestonesReached", milestone);
        }
        tasklist.radio("Field_Rag", rag).type("Field_Summary", null, text).complete();
        return tasklist;
    }
}
