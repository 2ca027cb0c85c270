package io.rollout.browser;

import java.time.LocalDate;
import java.util.List;

/**
 * The user's part of the operations tasks in the real Tasklist, one method per task: each opens the task from the
 * list of its role's filter by name and id, fills the form as a user does (typing, picking people by name, choosing
 * options) and completes it. Free of test shortcuts, so a walk that reached operations through the earlier phases
 * uses them as they are. Values are those of the ERP case (demo/erp-case).
 */
final class OperationsSteps {

    static final String PMO_FILTER = "PMO / project managers";
    static final String IT_FILTER = "IT operations";

    /** The KPI baseline as the PMO types it: figures as text, satisfaction the survey's average. */
    record Baseline(
            String manualHoursPerMonth,
            String errorRatePct,
            String satisfaction,
            String resolutionHours,
            String targetActiveUsersPct,
            LocalDate plannedGoLive,
            String hourlyRate,
            String projectCost) {}

    /** Today's figures of the manufacturer's procurement and inventory, before the ERP. */
    static final Baseline ERP_BASELINE =
            new Baseline("420", "6.5", "2.8", "16", "85", LocalDate.of(2026, 9, 30), "150", "500000");

    /** One module of the hand-over: who owns it and who administers it, picked by what the user types. */
    record ModuleHandover(
            String module,
            String ownerSearch,
            String ownerLabel,
            List<String> administratorLabels,
            String runbookLink) {}

    private OperationsSteps() {}

    /** The PMO captures the KPI baseline (planning), "Capture KPI baseline of <code>". */
    static void captureKpiBaseline(Tasklist tasklist, String projectCode, String taskId, Baseline baseline) {
        tasklist.filter(PMO_FILTER)
                .open("Capture KPI baseline of " + projectCode, taskId)
                .claim()
                .type("Field_ManualHours", null, baseline.manualHoursPerMonth())
                .type("Field_BaselineErrorRate", null, baseline.errorRatePct())
                .type("Field_BaselineSatisfaction", null, baseline.satisfaction())
                .type("Field_BaselineResolution", null, baseline.resolutionHours())
                .type("Field_TargetActive", null, baseline.targetActiveUsersPct())
                .date("Field_PlannedGoLive", null, baseline.plannedGoLive())
                .type("Field_HourlyRate", null, baseline.hourlyRate())
                .type("Field_ProjectCost", null, baseline.projectCost())
                .complete();
    }

    /** The PMO notes this week's actions while hypercare goes on, "Hypercare continues for <code>". */
    static void continueHypercare(Tasklist tasklist, String projectCode, String taskId, String actions) {
        tasklist.filter(PMO_FILTER)
                .open("Hypercare continues for " + projectCode, taskId)
                .claim()
                .type("Field_HypercareActions", null, actions)
                .complete();
    }

    /** IT operations resolve an incident, "Resolve incident #n (severity): title". */
    static void resolveIncident(Tasklist tasklist, String taskName, String taskId, String resolution) {
        tasklist.filter(IT_FILTER)
                .open(taskName, taskId)
                .claim()
                .type("Field_Resolution", null, resolution)
                .complete();
    }

    /** The PMO escalates an incident past its SLA, "SLA breached: incident #n (severity): title". */
    static void escalateIncident(Tasklist tasklist, String taskName, String taskId, String actions) {
        tasklist.filter(PMO_FILTER)
                .open(taskName, taskId)
                .claim()
                .type("Field_EscalationActions", null, actions)
                .complete();
    }

    /** IT operations hand the modules over, picking owners and administrators, "Hand over <code> to internal IT". */
    static void handOver(
            Tasklist tasklist,
            String projectCode,
            String taskId,
            List<ModuleHandover> modules,
            String knowledgeBaseLink) {
        tasklist.filter(IT_FILTER)
                .open("Hand over " + projectCode + " to internal IT", taskId)
                .claim();
        for (ModuleHandover module : modules) {
            int row = tasklist.row("Field_HandoverModule", module.module());
            tasklist.pick("Field_InternalOwner", row, module.ownerSearch(), module.ownerLabel());
            for (String administrator : module.administratorLabels()) {
                tasklist.tag("Field_Administrators", row, administrator.split(" ")[0], administrator);
            }
            tasklist.type("Field_RunbookLink", row, module.runbookLink());
        }
        tasklist.type("Field_KnowledgeBaseLink", null, knowledgeBaseLink).complete();
    }

    /** The PMO enters what only people know in the review, "Post-implementation review of <code>". */
    static void reviewPostImplementation(
            Tasklist tasklist,
            String projectCode,
            String taskId,
            String hoursSaved,
            String satisfaction,
            String activeUsersPct,
            String notes) {
        tasklist.filter(PMO_FILTER)
                .open("Post-implementation review of " + projectCode, taskId)
                .claim()
                .type("Field_HoursSaved", null, hoursSaved)
                .type("Field_Satisfaction", null, satisfaction)
                .type("Field_ActiveUsers", null, activeUsersPct)
                .type("Field_Notes", null, notes)
                .complete();
    }

    /** Anyone on the project gives feedback from Tasklist's "Start process" dialog (process "Give feedback"). */
    static void giveFeedback(Tasklist tasklist, String projectCode, String kindLabel, String moduleLabel, String text) {
        tasklist.startProcess("Give feedback")
                .type("Field_ProjectCode", null, projectCode)
                .select("Field_Kind", null, kindLabel)
                .select("Field_Module", null, moduleLabel)
                .type("Field_Text", null, text)
                .start();
    }

    /**
     * The PMO promotes feedback to a change request, naming the requirements it touches, "Triage feedback #n (kind):
     * text".
     */
    static void promoteFeedback(
            Tasklist tasklist,
            String taskName,
            String taskId,
            String priorityLabel,
            String reason,
            List<String> requirementLabels) {
        tasklist.filter(PMO_FILTER)
                .open(taskName, taskId)
                .claim()
                .select("Field_TriageDecision", null, "Promote to a change request")
                .select("Field_Priority", null, priorityLabel)
                .type("Field_TriageReason", null, reason);
        for (String requirement : requirementLabels) {
            tasklist.tag("Field_AffectedRequirements", null, requirement.split(" ")[0], requirement);
        }
        tasklist.complete();
    }

    /** The PMO accepts feedback into the backlog with a priority. */
    static void acceptFeedback(Tasklist tasklist, String taskName, String taskId, String priorityLabel) {
        tasklist.filter(PMO_FILTER)
                .open(taskName, taskId)
                .claim()
                .select("Field_TriageDecision", null, "Accept into the backlog")
                .select("Field_Priority", null, priorityLabel)
                .complete();
    }
}
