package io.rollout.planning;

import io.rollout.identity.ProjectPeople;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What makes a project plan acceptable for steering review ({@code UserTask_DrawUpPlan} in
 * {@code planningPhase}): every milestone has a name, an owner who works on projects ({@link ProjectPeople}), a
 * due date and a phase; at least one milestone, among them a go-live milestone that is not before any milestone
 * of the phases leading up to go-live (requirements to training; operations milestones come
 * after go-live by nature); every risk has a title, an owner who works on projects and probability
 * and impact from 1 to 5; the resource plan has at least one row, each with a role, a person who works on
 * projects, an
 * allocation from 1 to 100 % and a period whose end is not before its start, and nobody is planned
 * for more than 100 % on any day. The scope approach is decided later ({@link ScopeRules}). Plain
 * rule: no engine, no Spring.
 */
final class PlanRules {

    static final List<String> PHASES =
            List.of("requirements", "planning", "build", "data-migration", "uat", "training", "go-live", "operations");
    static final String GO_LIVE = "go-live";
    /** Phases whose milestones must be due no later than go-live. */
    static final List<String> BEFORE_GO_LIVE = PHASES.subList(0, PHASES.indexOf(GO_LIVE));
    /** A risk with this score (probability x impact) or more is high: the steering committee decides on it. */
    static final int HIGH_RISK = 15;

    record Milestone(String name, String owner, LocalDate dueDate, String phase) {}

    record Risk(String title, int probability, int impact, String owner, String mitigation) {

        int score() {
            return probability * impact;
        }

        boolean high() {
            return score() >= HIGH_RISK;
        }
    }

    /** One row of the resource plan: a role filled by a person for a share of their time in a period. */
    record Resource(String role, String person, int allocation, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    record Plan(List<Milestone> milestones, List<Risk> risks, List<Resource> resources) {}

    /** The checked plan, or the problems that refuse it (then {@code plan} is {@code null}). */
    record Result(Plan plan, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private PlanRules() {}

    /**
     * Checks a submitted plan. Blank rows (added and left empty) are ignored.
     *
     * @param qualifies whether a user id names someone who may own plan items or work in the resource plan
     */
    static Result check(
            List<FormRow> milestoneRows,
            List<FormRow> riskRows,
            List<FormRow> resourceRows,
            Predicate<String> qualifies) {
        List<Problem> problems = new ArrayList<>();
        List<Milestone> milestones = new ArrayList<>();
        List<Integer> milestoneRowNumbers = new ArrayList<>();
        for (FormRow row : milestoneRows) {
            if (row.isBlank()) {
                continue;
            }
            Milestone m = milestone(row, problems, qualifies);
            if (m != null) {
                milestones.add(m);
                milestoneRowNumbers.add(row.number());
            }
        }
        List<Risk> risks = new ArrayList<>();
        for (FormRow row : riskRows) {
            if (!row.isBlank()) {
                Risk r = risk(row, problems, qualifies);
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
        List<Resource> resources = new ArrayList<>();
        List<Integer> resourceRowNumbers = new ArrayList<>();
        for (FormRow row : resourceRows) {
            if (!row.isBlank()) {
                Resource r = resource(row, problems, qualifies);
                if (r != null) {
                    resources.add(r);
                    resourceRowNumbers.add(row.number());
                }
            }
        }
        if (resourceRows.stream().allMatch(FormRow::isBlank)) {
            problems.add(new Problem("planning.resources.none"));
        } else {
            overAllocation(resources, resourceRowNumbers, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new Plan(List.copyOf(milestones), List.copyOf(risks), List.copyOf(resources)), List.of());
    }

    private static Resource resource(FormRow row, List<Problem> problems, Predicate<String> qualifies) {
        int before = problems.size();
        RowChecks check = new RowChecks("planning.list.resources", problems);
        String role = check.required(row, "role", "planning.field.role");
        String person = check.required(row, "person", "planning.field.person");
        if (person != null && !qualifies.test(person)) {
            problems.add(new Problem("planning.resource.person", row.number(), person));
        }
        Integer allocation = check.number(row, "allocation", "planning.field.allocation", 1, 100);
        LocalDate from = check.date(row, "from", "planning.field.from");
        LocalDate to = check.date(row, "to", "planning.field.to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("planning.resource.period", row.number(), from.toString(), to.toString()));
        }
        return problems.size() == before ? new Resource(role, person, allocation, from, to) : null;
    }

    /**
     * Nobody can work more than full time: for each person, the allocations of the rows running on the
     * first day of any of their rows (where an overlap is at its highest) may add up to at most 100 %.
     */
    private static void overAllocation(List<Resource> resources, List<Integer> rowNumbers, List<Problem> problems) {
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource start = resources.get(i);
            String person = start.person().toLowerCase(Locale.ROOT);
            if (reported.contains(person)) {
                continue;
            }
            List<Integer> rows = new ArrayList<>();
            int total = 0;
            for (int j = 0; j < resources.size(); j++) {
                Resource other = resources.get(j);
                if (other.person().equalsIgnoreCase(start.person()) && other.covers(start.from())) {
                    total += other.allocation();
                    rows.add(rowNumbers.get(j));
                }
            }
            if (total > 100) {
                reported.add(person);
                problems.add(new Problem(
                        "planning.resource.overAllocated",
                        start.person(),
                        total,
                        start.from().toString(),
                        rows.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        }
    }

    private static Milestone milestone(FormRow row, List<Problem> problems, Predicate<String> qualifies) {
        int before = problems.size();
        String name = required(row, "name", "planning.field.milestoneName", "planning.milestone.required", problems);
        String owner = required(row, "owner", "planning.field.owner", "planning.milestone.required", problems);
        if (owner != null && !qualifies.test(owner)) {
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

    private static Risk risk(FormRow row, List<Problem> problems, Predicate<String> qualifies) {
        int before = problems.size();
        String title = required(row, "title", "planning.field.riskTitle", "planning.risk.required", problems);
        Integer probability = score(row, "probability", "planning.field.probability", problems);
        Integer impact = score(row, "impact", "planning.field.impact", problems);
        String owner = required(row, "owner", "planning.field.owner", "planning.risk.required", problems);
        if (owner != null && !qualifies.test(owner)) {
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
                    .filter(m ->
                            BEFORE_GO_LIVE.contains(m.phase()) && m.dueDate().isAfter(goLive.dueDate()))
                    .max(Comparator.comparing(Milestone::dueDate))
                    .ifPresent(later -> problems.add(new Problem(
                            "planning.milestones.goLiveTooEarly",
                            row,
                            goLive.name(),
                            goLive.dueDate().toString(),
                            later.name(),
                            later.dueDate().toString(),
                            later.phase())));
        }
        if (!any) {
            problems.add(new Problem("planning.milestones.goLiveMissing"));
        }
    }

    /**
     * The steering committee's review of the plan ({@code UserTask_ReviewPlan}): approved yes or no, and a comment
     * when the plan is sent back.
     */
    static List<Problem> review(Boolean approved, String comment) {
        if (approved == null) {
            return List.of(new Problem("form.field.required", new Label("planning.field.planApproved")));
        }
        if (!approved && comment == null) {
            return List.of(new Problem("planning.review.commentRequired"));
        }
        return List.of();
    }
}
