package io.rollout.browser;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The user's part of every task of the planning phase in Tasklist: each step chooses the role's filter, opens the
 * project's task from the list, fills its form as a person does (typing, picking people by name, adding rows,
 * choosing dates) and completes it. The task is found by the project code the planning phase runs for, so the
 * steps work in a project that reached planning through the earlier phases as well as in one started for the test.
 * Log in as someone of the task's role first.
 */
final class PlanningSteps {

    static final String PMO_FILTER = "PMO / project managers";
    static final String CONSULTANT_FILTER = "Consultants";
    static final String STEERING_FILTER = "Steering committee";

    static final String DRAW_UP_PLAN = "UserTask_DrawUpPlan";
    static final String DECIDE_HIGH_RISK = "UserTask_DecideHighRisk";
    static final String CONFIRM_SCOPE = "UserTask_ConfirmScope";
    static final String SELECT_SYSTEM = "UserTask_SelectSystem";
    static final String EVALUATE_VENDORS = "UserTask_EvaluateVendors";
    static final String CHOOSE_VENDOR = "UserTask_ChooseVendor";
    static final String DEFINE_INTEGRATION = "UserTask_DefineIntegration";
    static final String REVIEW_PLAN = "UserTask_ReviewPlan";

    /** A milestone as the PMO enters it; the owner is picked by the label the list shows, "Wei Zhang (zhangwei)". */
    record Milestone(String name, String owner, LocalDate due, String phase) {}

    /** A row of the resource plan; the person is picked by label. */
    record Resource(String role, String person, int allocation, LocalDate from, LocalDate to) {}

    /** A risk of the register; the owner is picked by label. */
    record Risk(String title, int probability, int impact, String owner, String mitigation) {}

    /** A vendor with its scores from 1 to 10 on technical strength, service capability, cost and references. */
    record Vendor(String name, int technical, int service, int cost, int references) {}

    /** A legacy system and the name of the department that owns it, as the list shows it ("Procurement"). */
    record LegacySystem(String name, String department) {}

    /** An interface of the new system; kind, direction and frequency by the labels the form shows. */
    record Interface(String toSystem, String kind, String direction, String frequency) {}

    /** A dataset to migrate and the legacy system it comes from. */
    record Migration(String dataset, String legacySystem) {}

    private final TaskService tasks;
    private final String projectCode;

    PlanningSteps(TaskService tasks, String projectCode) {
        this.tasks = tasks;
        this.projectCode = projectCode;
    }

    /** The project's open task of a planning activity (the first, when several high risks wait). */
    Task task(String activity) {
        List<Task> found = tasks.createTaskQuery()
                .taskDefinitionKey(activity)
                .processVariableValueEquals("projectCode", projectCode)
                .orderByTaskCreateTime()
                .asc()
                .list();
        if (found.isEmpty()) {
            throw new AssertionError("No open task " + activity + " for project " + projectCode);
        }
        return found.get(0);
    }

    /**
     * Opens the project's task of the activity from the role's filter, as the user finds it, and claims it unless
     * it is claimed already (the user looked at it before).
     */
    Task open(Tasklist tasklist, String filter, String activity) {
        Task task = task(activity);
        tasklist.reload().filter(filter).open(task.getName(), task.getId());
        if (task.getAssignee() == null) {
            tasklist.claim();
        }
        return task;
    }

    /**
     * The PMO draws up the plan: every milestone, resource and risk goes into a row of its grid (a date last in a
     * row: leaving a date field with Tab focuses the next select, which opens its list) — rows the form
     * already shows (a plan sent back comes prefilled) are overwritten in order, further rows are added.
     */
    void drawUpPlan(Tasklist tasklist, List<Milestone> milestones, List<Resource> resources, List<Risk> risks) {
        open(tasklist, PMO_FILTER, DRAW_UP_PLAN);
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            int row = row(tasklist, i, "List_Milestones", "Field_MilestoneName");
            tasklist.type("Field_MilestoneName", row, m.name())
                    .pick("Field_MilestoneOwner", row, name(m.owner()), m.owner())
                    .select("Field_MilestonePhase", row, m.phase())
                    .date("Field_MilestoneDueDate", row, m.due());
        }
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            int row = row(tasklist, i, "List_Resources", "Field_ResourceRole");
            tasklist.type("Field_ResourceRole", row, r.role())
                    .pick("Field_ResourcePerson", row, name(r.person()), r.person())
                    .type("Field_ResourceAllocation", row, String.valueOf(r.allocation()))
                    .date("Field_ResourceFrom", row, r.from())
                    .date("Field_ResourceTo", row, r.to());
        }
        for (int i = 0; i < risks.size(); i++) {
            Risk r = risks.get(i);
            int row = row(tasklist, i, "List_Risks", "Field_RiskTitle");
            tasklist.type("Field_RiskTitle", row, r.title())
                    .type("Field_RiskProbability", row, String.valueOf(r.probability()))
                    .type("Field_RiskImpact", row, String.valueOf(r.impact()))
                    .pick("Field_RiskOwner", row, name(r.owner()), r.owner())
                    .type("Field_RiskMitigation", row, r.mitigation());
        }
        tasklist.complete();
    }

    /**
     * The PMO revises a plan the steering committee sent back: the form comes prefilled, the PMO adds milestones
     * and risks below the stored ones and completes.
     */
    void revisePlan(Tasklist tasklist, List<Milestone> newMilestones, List<Risk> newRisks) {
        open(tasklist, PMO_FILTER, DRAW_UP_PLAN);
        for (Milestone m : newMilestones) {
            int row = tasklist.addRow("List_Milestones", "Field_MilestoneName");
            tasklist.type("Field_MilestoneName", row, m.name())
                    .pick("Field_MilestoneOwner", row, name(m.owner()), m.owner())
                    .select("Field_MilestonePhase", row, m.phase())
                    .date("Field_MilestoneDueDate", row, m.due());
        }
        for (Risk r : newRisks) {
            int row = tasklist.addRow("List_Risks", "Field_RiskTitle");
            tasklist.type("Field_RiskTitle", row, r.title())
                    .type("Field_RiskProbability", row, String.valueOf(r.probability()))
                    .type("Field_RiskImpact", row, String.valueOf(r.impact()))
                    .pick("Field_RiskOwner", row, name(r.owner()), r.owner())
                    .type("Field_RiskMitigation", row, r.mitigation());
        }
        tasklist.complete();
    }

    /** The steering committee accepts the oldest waiting high risk with a comment. */
    void acceptHighRisk(Tasklist tasklist, String comment) {
        open(tasklist, STEERING_FILTER, DECIDE_HIGH_RISK);
        tasklist.radio("Field_RiskDecision", "Accept the risk")
                .type("Field_RiskDecisionComment", null, comment)
                .complete();
    }

    /** The steering committee has the oldest waiting high risk mitigated: actions and the person who owns them. */
    void mitigateHighRisk(Tasklist tasklist, String actions, String owner) {
        open(tasklist, STEERING_FILTER, DECIDE_HIGH_RISK);
        tasklist.radio("Field_RiskDecision", "Mitigate: actions and owner")
                .type("Field_MitigationActions", null, actions)
                .pick("Field_ActionOwner", null, name(owner), owner)
                .complete();
    }

    /** The PMO confirms the scope as the form shows it (the recommendation, or the scope confirmed before). */
    void confirmScope(Tasklist tasklist) {
        open(tasklist, PMO_FILTER, CONFIRM_SCOPE);
        tasklist.complete();
    }

    /**
     * The PMO overrides the recommended scope: a pilot with the given modules (by name), the department that goes
     * first (by name) and the reason.
     */
    void pilotScope(Tasklist tasklist, String firstDepartment, List<String> pilotModules, String reason) {
        open(tasklist, PMO_FILTER, CONFIRM_SCOPE);
        tasklist.select("Field_ScopeApproach", null, "Pilot (selected modules first)")
                .select("Field_FirstDepartment", null, firstDepartment);
        pilotModules.forEach(module -> tasklist.check("Field_PilotModules", module));
        tasklist.type("Field_OverrideReason", null, reason).complete();
    }

    /** The consultant decides how the system is obtained ("Build", "Customise", "Buy") and why. */
    void selectSystem(Tasklist tasklist, String approach, String reason) {
        open(tasklist, CONSULTANT_FILTER, SELECT_SYSTEM);
        tasklist.radio("Field_SelectionApproach", approach)
                .type("Field_SelectionReason", null, reason)
                .complete();
    }

    /** The consultant confirms a selection the form shows prefilled (after the plan was sent back). */
    void confirmSelection(Tasklist tasklist) {
        open(tasklist, CONSULTANT_FILTER, SELECT_SYSTEM);
        tasklist.complete();
    }

    /**
     * The consultant weighs the criteria (technical strength, service capability, cost, references) and scores the
     * vendors, overwriting the rows the form shows and adding further ones.
     */
    void evaluateVendors(Tasklist tasklist, List<Integer> weights, List<Vendor> vendors) {
        open(tasklist, CONSULTANT_FILTER, EVALUATE_VENDORS);
        List<String> weightFields =
                List.of("Field_WeightTechnical", "Field_WeightService", "Field_WeightCost", "Field_WeightReferences");
        for (int i = 0; i < weightFields.size(); i++) {
            tasklist.type(weightFields.get(i), null, String.valueOf(weights.get(i)));
        }
        for (int i = 0; i < vendors.size(); i++) {
            Vendor v = vendors.get(i);
            int row = row(tasklist, i, "List_Vendors", "Field_Vendor");
            // typed at a person's pace: form-js takes a name into the form only after its debounce
            tasklist.enter("Field_Vendor", row, v.name())
                    .leave("Field_Vendor", row)
                    .type("Field_ScoreTechnical", row, String.valueOf(v.technical()))
                    .type("Field_ScoreService", row, String.valueOf(v.service()))
                    .type("Field_ScoreCost", row, String.valueOf(v.cost()))
                    .type("Field_ScoreReferences", row, String.valueOf(v.references()));
        }
        // as a user checks the grid before completing: a name typed right after another field can be lost while
        // form-js still applies that field's change (a browser typing faster than a person); type it again then
        for (int i = 0; i < vendors.size(); i++) {
            tasklist.type("Field_Vendor", i, vendors.get(i).name()).leave("Field_Vendor", i);
        }
        tasklist.complete();
    }

    /** The consultant confirms an evaluation the form shows prefilled. */
    void confirmEvaluation(Tasklist tasklist) {
        open(tasklist, CONSULTANT_FILTER, EVALUATE_VENDORS);
        tasklist.complete();
    }

    /**
     * The steering committee (or PMO) chooses a vendor by the label the list shows, "Yonyou (rank 1, weighted score
     * 7.50)", with a reason (may be {@code null} for the first-ranked one).
     */
    void chooseVendor(Tasklist tasklist, String filter, String vendorOption, String reason) {
        open(tasklist, filter, CHOOSE_VENDOR);
        tasklist.select("Field_ChosenVendor", null, vendorOption);
        if (reason != null) {
            tasklist.type("Field_VendorChoiceReason", null, reason);
        }
        tasklist.complete();
    }

    /** The consultant records legacy systems, interfaces and datasets to migrate, each in a row of its grid. */
    void defineIntegration(
            Tasklist tasklist, List<LegacySystem> systems, List<Interface> interfaces, List<Migration> migrations) {
        open(tasklist, CONSULTANT_FILTER, DEFINE_INTEGRATION);
        for (int i = 0; i < systems.size(); i++) {
            int row = row(tasklist, i, "List_LegacySystems", "Field_LegacySystemName");
            tasklist.type("Field_LegacySystemName", row, systems.get(i).name())
                    .select("Field_LegacyOwnerDepartment", row, systems.get(i).department());
        }
        for (int i = 0; i < interfaces.size(); i++) {
            Interface f = interfaces.get(i);
            int row = row(tasklist, i, "List_Interfaces", "Field_InterfaceToSystem");
            tasklist.type("Field_InterfaceToSystem", row, f.toSystem())
                    .select("Field_InterfaceKind", row, f.kind())
                    .select("Field_InterfaceDirection", row, f.direction())
                    .select("Field_InterfaceFrequency", row, f.frequency());
        }
        for (int i = 0; i < migrations.size(); i++) {
            int row = row(tasklist, i, "List_Migrations", "Field_MigrationDataset");
            tasklist.type("Field_MigrationDataset", row, migrations.get(i).dataset())
                    .type("Field_MigrationLegacySystem", row, migrations.get(i).legacySystem());
        }
        tasklist.complete();
    }

    /** The consultant confirms an integration strategy the form shows prefilled. */
    void confirmIntegration(Tasklist tasklist) {
        open(tasklist, CONSULTANT_FILTER, DEFINE_INTEGRATION);
        tasklist.complete();
    }

    /** The steering committee approves the plan. */
    void approvePlan(Tasklist tasklist) {
        open(tasklist, STEERING_FILTER, REVIEW_PLAN);
        tasklist.radio("Field_PlanApproved", "Yes").complete();
    }

    /** The steering committee sends the plan back to the PMO saying what must change. */
    void sendPlanBack(Tasklist tasklist, String comment) {
        open(tasklist, STEERING_FILTER, REVIEW_PLAN);
        tasklist.radio("Field_PlanApproved", "No")
                .type("Field_SteeringComment", null, comment)
                .complete();
    }

    /** The row for the {@code index}-th entry: one the list shows already, else a new one. */
    private static int row(Tasklist tasklist, int index, String listId, String fieldId) {
        return index < tasklist.rows(fieldId) ? index : tasklist.addRow(listId, fieldId);
    }

    /** What a user types to find a person: the name without the id, "Wei Zhang" of "Wei Zhang (zhangwei)". */
    private static String name(String label) {
        int id = label.lastIndexOf(" (");
        return id < 0 ? label : label.substring(0, id);
    }
}
