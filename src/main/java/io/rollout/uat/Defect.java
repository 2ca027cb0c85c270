package io.rollout.uat;

/**
 * A defect found in a UAT round: {@code open} when raised (or reopened by a failed retest), assigned to a
 * developer, {@code fixed} when the developer fixed it, {@code closed} when the next passing result of its test
 * case verified the fix.
 */
record Defect(
        long id,
        String caseId,
        int round,
        String severity,
        String description,
        String status,
        String module,
        String assignee,
        int reopenCount) {

    static final String OPEN = "open";
    static final String FIXED = "fixed";
    static final String CLOSED = "closed";

    Defect(long id, String caseId, int round, String severity, String description, String status) {
        this(id, caseId, round, severity, description, status, null, null, 0);
    }
}
