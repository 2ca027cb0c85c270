package io.rollout.change;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of change control, free of Spring and the engine: what a raised change request must name, what an
 * impact analysis must state, and what an approval decision needs. Every check reports all problems at once.
 */
final class ChangeRequestRules {

    static final List<String> RISK_LEVELS = List.of("low", "medium", "high");
    static final List<String> DECISIONS = List.of("approve", "reject");
    static final int MAX_TEXT = 2000;
    static final int TITLE_LENGTH = 60;

    private ChangeRequestRules() {}

    /** A milestone of the project as a change request may name it: by id or by its exact name. */
    record MilestoneRef(long id, String name, LocalDate dueDate, String status) {}

    /** A change request ready to store, or the problems that refuse it. */
    record Raise(
            String description,
            String reason,
            List<String> requirementIds,
            List<MilestoneRef> milestones,
            List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The impact as the analyst states it, or the problems that refuse it. */
    record Impact(
            Integer effortDays,
            Integer scheduleDelayDays,
            BigDecimal cost,
            String riskLevel,
            String notes,
            List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a new change request: description and reason are required; every affected requirement must exist in
     * the project; every affected milestone (id or exact name) must be one of the project's milestones and not be
     * completed yet. Duplicates are dropped.
     */
    static Raise raise(
            String description,
            String reason,
            Collection<String> requirementIds,
            Collection<String> milestoneRefs,
            Set<String> projectRequirements,
            List<MilestoneRef> projectMilestones) {
        List<Problem> problems = new ArrayList<>();
        required(description, "change.field.description", problems);
        required(reason, "change.field.reason", problems);
        tooLong(description, "change.field.description", problems);
        tooLong(reason, "change.field.reason", problems);
        Set<String> requirements = new LinkedHashSet<>();
        for (String id : requirementIds) {
            String trimmed = id == null ? "" : id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!projectRequirements.contains(trimmed)) {
                problems.add(Problem.of("change.requirement.unknown", trimmed));
            } else {
                requirements.add(trimmed);
            }
        }
        List<MilestoneRef> milestones = new ArrayList<>();
        for (String ref : milestoneRefs) {
            String trimmed = ref == null ? "" : ref.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            MilestoneRef found = projectMilestones.stream()
                    .filter(m ->
                            String.valueOf(m.id()).equals(trimmed) || m.name().equals(trimmed))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                problems.add(Problem.of("change.milestone.unknown", trimmed));
            } else if (MilestoneStatus.COMPLETED.equals(found.status())) {
                problems.add(Problem.of("change.milestone.completed", found.name()));
            } else if (milestones.stream().noneMatch(m -> m.id() == found.id())) {
                milestones.add(found);
            }
        }
        if (requirements.isEmpty() && milestones.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of("change.affected.none"));
        }
        return new Raise(description, reason, List.copyOf(requirements), milestones, problems);
    }

    /**
     * Checks an impact analysis: effort and schedule delay in whole days from 0, a cost from 0, a risk level of
     * low, medium or high.
     */
    static Impact impact(Object effortDays, Object scheduleDelayDays, Object cost, Object riskLevel, String notes) {
        List<Problem> problems = new ArrayList<>();
        Integer effort = days(effortDays, "change.field.effortDays", problems);
        Integer delay = days(scheduleDelayDays, "change.field.scheduleDelayDays", problems);
        BigDecimal amount = null;
        String costText = text(cost);
        if (costText == null) {
            problems.add(Problem.of("form.field.required", new Label("change.field.cost")));
        } else {
            try {
                amount = new BigDecimal(costText);
                if (amount.signum() < 0) {
                    problems.add(Problem.of("change.cost.invalid", costText));
                    amount = null;
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.of("change.cost.invalid", costText));
            }
        }
        String level = text(riskLevel);
        if (level == null) {
            problems.add(Problem.of("form.field.required", new Label("change.field.riskLevel")));
        } else if (!RISK_LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.of(
                    "form.field.choice", new Label("change.field.riskLevel"), String.join(", ", RISK_LEVELS), level));
        } else {
            level = level.toLowerCase(Locale.ROOT);
        }
        tooLong(notes, "change.field.impactNotes", problems);
        return new Impact(effort, delay, amount, level, notes, problems);
    }

    /** Checks an approval decision: approve or reject; a rejection needs a reason. */
    static List<Problem> decision(String decision, String reason) {
        List<Problem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(Problem.of("form.field.required", new Label("change.field.decision")));
        } else if (!DECISIONS.contains(decision)) {
            problems.add(Problem.of(
                    "form.field.choice", new Label("change.field.decision"), String.join(", ", DECISIONS), decision));
        } else if (decision.equals("reject") && reason == null) {
            problems.add(Problem.of("change.decision.reasonRequired"));
        }
        tooLong(reason, "change.field.decisionReason", problems);
        return problems;
    }

    /**
     * How a change request is named in task names: the first line of what should change, cut after a whole word
     * to at most {@value #TITLE_LENGTH} characters ("…" marks the cut).
     */
    static String title(String description) {
        String first = description == null
                ? ""
                : description.strip().lines().findFirst().orElse("").strip();
        if (first.length() <= TITLE_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_LENGTH - 1);
        return first.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH - 1)
                        .strip() + "…";
    }

    private static Integer days(Object value, String label, List<Problem> problems) {
        String text = text(value);
        if (text == null) {
            problems.add(Problem.of("form.field.required", new Label(label)));
            return null;
        }
        try {
            int days = new BigDecimal(text).intValueExact();
            if (days < 0) {
                problems.add(Problem.of("change.days.invalid", new Label(label), text));
                return null;
            }
            return days;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(Problem.of("change.days.invalid", new Label(label), text));
            return null;
        }
    }

    private static void required(String value, String label, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of("form.field.required", new Label(label)));
        }
    }

    private static void tooLong(String value, String label, List<Problem> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(Problem.of("change.text.tooLong", new Label(label), MAX_TEXT));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
