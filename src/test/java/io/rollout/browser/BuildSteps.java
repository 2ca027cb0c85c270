package io.rollout.browser;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.task.Task;

/**
 * The user's part of every task of the build phase ({@code buildPhase}), done in Tasklist as a person does it:
 * each step opens its task from the list of the logged-in user's chosen filter, claims it, fills the form and
 * completes it. The tasks are passed in (the caller finds them with the engine's {@code TaskService}); the values
 * are those of the ERP case. Nothing here depends on how the project reached the build phase.
 */
final class BuildSteps {

    /** An iteration plan: the requirements by id, the dates, and whether customisations are needed. */
    record IterationPlan(
            String goal, List<String> requirements, LocalDate start, LocalDate end, boolean customisations) {}

    /**
     * A configuration item: its type as the form names it ("Approval flow"), the requirement id, the two cells that
     * depend on the type (source and target field, role and function, document type and steps, or what for
     * "Other"), and an optional note.
     */
    record ConfigurationItem(String type, String requirement, String subject, String detail, String note) {}

    /** A proposed customisation: kind as the form names it ("Report"), description, justification, days, requirement. */
    record Proposal(String kind, String description, String justification, int days, String requirement) {}

    /** A decision on the proposal with this description. */
    record Decision(String description, boolean approve, String reason) {}

    /** A delivery of the approved customisation with this description, by a developer (name as the list shows it). */
    record Delivery(String description, String developer, String where) {}

    private BuildSteps() {}

    /**
     * Plans an iteration: goal, the requirements to tick (a later iteration comes with the previous one's already
     * ticked), dates and whether customisations are needed.
     */
    static void planIteration(Tasklist tasklist, Task task, IterationPlan plan) {
        tasklist.open(task.getName(), task.getId()).claim().type("Field_IterationGoal", null, plan.goal());
        for (String id : plan.requirements()) {
            tasklist.checkStartingWith("Field_Scope", id + " ", true);
        }
        tasklist.date("Field_PlannedStart", null, plan.start())
                .date("Field_PlannedEnd", null, plan.end())
                .radio(
                        "Field_CustomisationsPlanned",
                        plan.customisations() ? "Yes" : "No, standard and configuration are enough")
                .completeAndAwaitClosed();
    }

    /** Records the iteration's configuration items, the first in the empty row the form offers. */
    static void configure(Tasklist tasklist, Task task, List<ConfigurationItem> items) {
        tasklist.open(task.getName(), task.getId()).claim();
        for (int i = 0; i < items.size(); i++) {
            ConfigurationItem item = items.get(i);
            int row = i == 0 ? 0 : tasklist.addRow("List_ConfigurationItems", "Field_ItemSubject");
            tasklist.select("Field_ItemType", row, item.type());
            tasklist.search("Field_ItemRequirementId", row, item.requirement(), item.requirement() + " ");
            if (item.subject() != null) {
                tasklist.type("Field_ItemSubject", row, item.subject());
            }
            if (item.detail() != null) {
                tasklist.type("Field_ItemDetail", row, item.detail());
            }
            if (item.note() != null) {
                tasklist.type("Field_ItemDescription", row, item.note());
            }
        }
        tasklist.completeAndAwaitClosed();
    }

    /** Records the vendor's standard version of the module and where its backup is. */
    static void recordVendorBaseline(
            Tasklist tasklist, Task task, String product, String version, LocalDate date, String backup) {
        tasklist.open(task.getName(), task.getId())
                .claim()
                .type("Field_BaselineProduct", null, product)
                .type("Field_BaselineVersion", null, version)
                .date("Field_BaselineDate", null, date)
                .type("Field_BaselineBackup", null, backup)
                .completeAndAwaitClosed();
    }

    /** Proposes the customisations, the first in the empty row the form offers. */
    static void proposeCustomisations(Tasklist tasklist, Task task, List<Proposal> proposals) {
        tasklist.open(task.getName(), task.getId()).claim();
        for (int i = 0; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            int row = i == 0 ? 0 : tasklist.addRow("List_Customisations", "Field_CustomisationDescription");
            tasklist.select("Field_CustomisationKind", row, p.kind())
                    .type("Field_CustomisationDescription", row, p.description())
                    .type("Field_CustomisationJustification", row, p.justification())
                    .type("Field_CustomisationEffort", row, String.valueOf(p.days()));
            tasklist.search("Field_CustomisationRequirementId", row, p.requirement(), p.requirement() + " ");
        }
        tasklist.completeAndAwaitClosed();
    }

    /** Decides on every proposal of this approval board, found by its description. */
    static void approveCustomisations(Tasklist tasklist, Task task, List<Decision> decisions) {
        tasklist.open(task.getName(), task.getId()).claim();
        for (Decision d : decisions) {
            int row = tasklist.row("Field_DecisionDescription", d.description());
            tasklist.select("Field_Decision", row, d.approve() ? "Approve" : "Reject")
                    .type("Field_DecisionReason", row, d.reason());
        }
        tasklist.completeAndAwaitClosed();
    }

    /** Reports the delivered customisations, found by their description, with who developed them and where. */
    static void developCustomisations(Tasklist tasklist, Task task, List<Delivery> deliveries) {
        tasklist.open(task.getName(), task.getId()).claim();
        for (Delivery d : deliveries) {
            int row = tasklist.row("Field_DevelopmentDescription", d.description());
            tasklist.tick("Field_Developed", row, true);
            tasklist.search("Field_DevelopedBy", row, d.developer(), d.developer());
            tasklist.type("Field_DeliveryNote", row, d.where());
        }
        tasklist.completeAndAwaitClosed();
    }

    /** Records the demo: what was shown, the attendees picked by name, anyone else, and their feedback. */
    static void demo(
            Tasklist tasklist, Task task, String shown, List<String> attendees, String others, String feedback) {
        tasklist.open(task.getName(), task.getId()).claim().type("Field_DemoShown", null, shown);
        for (String attendee : attendees) {
            tasklist.tag("Field_DemoAttendees", attendee, attendee);
        }
        if (others != null) {
            tasklist.type("Field_DemoOtherAttendees", null, others);
        }
        tasklist.type("Field_DemoFeedback", null, feedback).completeAndAwaitClosed();
    }

    /** Accepts the module, or sends it into another iteration with the comment. */
    static void acceptModule(Tasklist tasklist, Task task, boolean accept, String comment) {
        tasklist.open(task.getName(), task.getId()).claim().radio("Field_ModuleAccepted", accept ? "Yes" : "No");
        if (comment != null) {
            tasklist.type("Field_AcceptanceComment", null, comment);
        }
        tasklist.completeAndAwaitClosed();
    }
}
