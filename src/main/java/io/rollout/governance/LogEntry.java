package io.rollout.governance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A risk or issue of the project's log. A risk is also a row of the risk register (table {@code risk},
 * {@code riskId}).
 *
 * @param status {@code open}, {@code escalated} (its due date passed unresolved) or {@code resolved}
 */
record LogEntry(
        long id,
        String projectCode,
        String kind,
        Long riskId,
        String title,
        String description,
        String severity,
        Integer probability,
        Integer impact,
        String owner,
        LocalDate dueDate,
        String status,
        String raisedBy,
        Instant raisedAt,
        String resolution,
        String resolvedBy,
        Instant resolvedAt,
        Instant escalatedAt) {

    static final String OPEN = "open";
    static final String ESCALATED = "escalated";
    static final String RESOLVED = "resolved";

    /** The subject under which its decisions are logged, e.g. {@code issue 7}. */
    String subject() {
        return kind + " " + id;
    }
}
