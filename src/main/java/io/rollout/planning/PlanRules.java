package io.rollout.planning;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What makes a project plan acceptable for steering review ({@code UserTask_DrawUpPlan} in
 * {@code planningPhase}): every milestone has a name, an owner who is a user, a due date and a
 * phase; at least one milestone, among them a go-live milestone that is not before any milestone
 * of the phases leading up to go-live (requirements to training; operations milestones come
 * after go-live by nature); every risk has a title, an owner who is a user and probability and
 * impact from 1 to 5. Plain rule: no engine, no Spring.
 */
final class PlanRules {

    static final List<String> PHASES = List.of("requirements", "planning", "build", "data-migration", "uat",
        "training", "go-live", "operations");
    static final String GO_LIVE = "go-live";
    /** Phases whose milestones must be due no later than go-live. */
    static final List<String> BEFORE_GO_LIVE = PHASES.subList(0, PHASES.indexOf(GO_LIVE));
    static final List<String> SCOPE_APPROACHES = List.of("full-rollout", "pilot");
    /** A risk with this score (probability x impact) or more is high and shown highlighted. */
    static final int HIGH_RISK = 15;

    record Milestone(String name, String owner, LocalDate dueDate, String phase) {
    }

    record Risk(String title, int probability, int impact, String owner, String mitigation) {

        int score() {
            return probability * impact;
        }

        boolean high() {
            return score() >= HIGH_RISK;
        }
    }

    record Plan(List<Milestone> milestones, List<Risk> risks, String scopeApproach, String resourcePlan) {
    }

    /** The checked plan, or the problems that refuse it (then {@code plan} is {@code null}). */
    record Result(Plan plan, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private PlanRules() {
    }

    /**
     * Checks a submitted plan. Blank rows (added and left empty) are ignored.
     *
     * @param userExists whether an owner id names a user
     */
    static Result check(List<FormRow> milestoneRows, List<FormRow> riskRows, String scopeApproach,
                        String resourcePlan, Predicate<String> userExists) {
        List<Problem> problems = new ArrayList<>();
        List<Milestone> milestones = new ArrayList<>();
        List<Integer> milestoneRowNumbers = new ArrayList<>();
        for (FormRow row : milestoneRows) {
            if (row.isBlank()) {
                continue;
            }
            Milestone m = milestone(row, problems, userExists);
            if (m != null) {
                milestones.add(m);
                milestoneRowNumbers.add(row.number());
            }
        }
        List<Risk> risks = new ArrayList<>();
        for (FormRow row : riskRows) {
            if (!row.isBlank()) {
                Risk r = risk(row, problems, userExists);
                if (r != null) {
                    risks.add(r);
                }
            }
        }
        if (milestoneRows.stream().allMatch(FormRow::isBlank)) {
            problems.add(new Problem("planning.milestones.none"));
        } else if (problems.isEmpty()) {
            goLive(milestones, milestoneRowNumbers, problems);
        }
        if (scopeApproach == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.scopeApproach")));
        } else if (!SCOPE_APPROACHES.contains(scopeApproach)) {
            problems.add(new Problem("form.field.choice", new Label("planning.field.scopeApproach"),
                String.join(", ", SCOPE_APPROACHES), scopeApproach));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Plan(List.copyOf(milestones), List.copyOf(risks), scopeApproach, resourcePlan), List.of());
    }

    private static Milestone milestone(FormRow row, List<Problem> problems, Predicate<String> userExists) {
        int before = problems.size();
        String name = required(row, "name", "planning.field.milestoneName", "planning.milestone.required", problems);
        String owner = required(row, "owner", "planning.field.owner", "planning.milestone.required", problems);
        if (owner != null && !userExists.test(owner)) {
            problems.add(new Problem("planning.milestone.owner", row.number(), owner));
        }
        LocalDate due = null;
        if (required(row, "dueDate", "planning.field.dueDate", "planning.milestone.required", problems) != null) {
            try {
                due = row.date("dueDate");
            } catch (DateTimeParseException e) {
                problems.add(new Problem("planning.milestone.date", row.number(), row.text("dueDate")));
            }
        }
        String phase = required(row, "phase", "planning.field.phase", "planning.milestone.required", problems);
        if (phase != null && !PHASES.contains(phase)) {
            problems.add(new Problem("planning.milestone.phase", row.number(), String.join(", ", PHASES), phase));
        }
        return problems.size() == before ? new Milestone(name, owner, due, phase) : null;
    }

    private static Risk risk(FormRow row, List<Problem> problems, Predicate<String> userExists) {
        int before = problems.size();
        String title = required(row, "title", "planning.field.riskTitle", "planning.risk.required", problems);
        Integer probability = score(row, "probability", "planning.field.probability", problems);
        Integer impact = score(row, "impact", "planning.field.impact", problems);
        String owner = required(row, "owner", "planning.field.owner", "planning.risk.required", problems);
        if (owner != null && !userExists.test(owner)) {
            problems.add(new Problem("planning.risk.owner", row.number(), owner));
        }
        return problems.size() == before ? new Risk(title, probability, impact, owner, row.text("mitigation")) : null;
    }

    private static Integer score(FormRow row, String key, String label, List<Problem> problems) {
        if (required(row, key, label, "planning.risk.required", problems) == null) {
            return null;
        }
        try {
            int value = row.integer(key);
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below like an out-of-range value
        }
        problems.add(new Problem("planning.risk.score", row.number(), new Label(label), row.text(key)));
        return null;
    }

    private static String required(FormRow row, String key, String label, String code, List<Problem> problems) {
        String value = row.text(key);
        if (value == null) {
            problems.add(new Problem(code, row.number(), new Label(label)));
        }
        return value;
    }

    private static void goLive(List<Milestone> milestones, List<Integer> rowNumbers, List<Problem> problems) {
        boolean any = false;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone goLive = milestones.get(i);
            if (!GO_LIVE.equals(goLive.phase())) {
                continue;
            }
            any = true;
            int row = rowNumbers.get(i);
            milestones.stream()
                .filter(m -> BEFORE_GO_LIVE.contains(m.phase()) && m.dueDate().isAfter(goLive.dueDate()))
                .max(Comparator.comparing(Milestone::dueDate))
                .ifPresent(later -> problems.add(new Problem("planning.milestones.goLiveTooEarly", row, goLive.name(),
                    goLive.dueDate().toString(), later.name(), later.dueDate().toString(), later.phase())));
        }
        if (!any) {
            problems.add(new Problem("planning.milestones.goLiveMissing"));
        }
    }
}
