package io.rollout.change;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * How an approved change moves the plan: each affected milestone that is not completed moves by the schedule
 * delay; every other milestone keeps its date. The result lists every milestone with its date before and after,
 * which is the history row set of the new plan baseline.
 */
final class RebaselineRules {

    private RebaselineRules() {}

    /** A milestone of the plan as it stands. */
    record PlannedMilestone(long id, String name, LocalDate dueDate, String status) {}

    /** A milestone's due date before and after the re-baseline. */
    record Shift(long id, String name, LocalDate before, LocalDate after) {

        boolean moved() {
            return !before.equals(after);
        }
    }

    static List<Shift> shift(List<PlannedMilestone> plan, Set<Long> affected, int delayDays) {
        if (delayDays < 0) {
            throw new IllegalArgumentException("a schedule delay cannot be negative: " + delayDays);
        }
        return plan.stream()
                .map(m -> new Shift(
                        m.id(),
                        m.name(),
                        m.dueDate(),
                        affected.contains(m.id()) && !MilestoneStatus.COMPLETED.equals(m.status())
                                ? m.dueDate().plusDays(delayDays)
                                : m.dueDate()))
                .toList();
    }
}
