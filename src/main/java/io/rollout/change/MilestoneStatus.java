package io.rollout.change;

/** The statuses of table {@code milestone} that change control reads: planning plans them, governance completes them. */
final class MilestoneStatus {

    static final String COMPLETED = "completed";

    private MilestoneStatus() {}
}
