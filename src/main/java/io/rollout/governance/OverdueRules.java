package io.rollout.governance;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import io.rollout.governance.Milestones.OpenMilestone;
import io.rollout.shared.Dates;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which open milestones escalate to the PMO: those whose due date has passed (due before today) and that were not
 * escalated for that due date before. A milestone moved by a re-baseline escalates again if its new date passes.
 * The rule of {@code ServiceTask_FindOverdueMilestones} ({@link OverdueMilestoneCheck}). Plain Java.
 */
final class OverdueRules implements GateRule<OverdueRules.Input, OverdueRules.Escalations> {

    /**
     * What the check decides on.
     *
     * @param open       the project's open milestones
     * @param escalated  the escalations made before, as {@link Milestones#key} keys
     * @param ownerNames the display name of the owner of each overdue milestone
     */
    record Input(
            List<OpenMilestone> open, Collection<String> escalated, LocalDate today, Map<String, String> ownerNames) {}

    /** A milestone to escalate and the finding the PMO reads about it. */
    record Escalation(OpenMilestone milestone, Finding finding) {}

    /** The milestones that escalate now, by due date; the check passes when there are none. */
    record Escalations(List<Escalation> escalations) implements GateOutcome {

        @Override
        public boolean passed() {
            return escalations.isEmpty();
        }

        @Override
        public List<Finding> findings() {
            return escalations.stream().map(Escalation::finding).toList();
        }
    }

    /** One escalation per milestone that newly passed its due date, naming it, its due date, owner and delay. */
    @Override
    public Escalations decide(Input in) {
        return new Escalations(newlyOverdue(in.open(), in.escalated(), in.today()).stream()
                .map(m -> new Escalation(
                        m,
                        Finding.of(
                                "governance.milestone.overdue",
                                m.name(),
                                Dates.date(m.dueDate()),
                                in.ownerNames().get(m.owner()),
                                ChronoUnit.DAYS.between(m.dueDate(), in.today()))))
                .toList());
    }

    static List<OpenMilestone> overdue(List<OpenMilestone> open, LocalDate today) {
        return open.stream().filter(m -> m.dueDate().isBefore(today)).toList();
    }

    static List<OpenMilestone> newlyOverdue(List<OpenMilestone> open, Collection<String> escalated, LocalDate today) {
        return overdue(open, today).stream()
                .filter(m -> !escalated.contains(Milestones.key(m.id(), m.dueDate())))
                .toList();
    }
}
