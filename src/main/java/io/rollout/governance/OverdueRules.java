package io.rollout.governance;

import io.rollout.governance.Milestones.OpenMilestone;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Which open milestones escalate to the PMO: those whose due date has passed (due before today) and that were not
 * escalated for that due date before. A milestone moved by a re-baseline escalates again if its new date passes.
 */
final class OverdueRules {

    private OverdueRules() {
    }

    static List<OpenMilestone> overdue(List<OpenMilestone> open, LocalDate today) {
        return open.stream().filter(m -> m.dueDate().isBefore(today)).toList();
    }

    static List<OpenMilestone> newlyOverdue(List<OpenMilestone> open, Collection<String> escalated, LocalDate today) {
        return overdue(open, today).stream().filter(m -> !escalated.contains(Milestones.key(m.id(), m.dueDate())))
            .toList();
    }
}
