package io.rollout.uat;

/**
 * A defect found in a UAT round: {@code open} when raised, {@code fixed} when a developer fixed it,
 * {@code closed} when the next passing result of its test case verified the fix.
 */
record Defect(long id, String caseId, int round, String severity, String description, String status) {

    static final String OPEN = "open";
    static final String FIXED = "fixed";
    static final String CLOSED = "closed";
}
