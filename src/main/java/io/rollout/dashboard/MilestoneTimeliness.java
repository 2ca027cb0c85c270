package io.rollout.dashboard;

import java.time.LocalDate;

/**
 * Whether a milestone was met on time, judged by history instead of a checkbox: a milestone belongs to a
 * phase, and it is on time when that phase ended on or before the due date, late when it ended after it or
 * is still running past it, pending otherwise. Plain Java.
 */
final class MilestoneTimeliness {

    static final String ON_TIME = "on-time";
    static final String LATE = "late";
    static final String PENDING = "pending";

    static String of(LocalDate due, LocalDate phaseEnded, LocalDate today) {
        if (phaseEnded != null) {
            return phaseEnded.isAfter(due) ? LATE : ON_TIME;
        }
        return today.isAfter(due) ? LATE : PENDING;
    }

    private MilestoneTimeliness() {}
}
