package io.rollout.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A change request as stored, with what it affects, its impact, routing and decision.
 *
 * @param status         {@code raised}, {@code analysed}, {@code approved}, {@code rejected} or {@code rebaselined}
 * @param approverGroup  the group the DMN table {@code changeRouting} routed it to
 * @param planBaseline   the plan baseline version the approved change created, if any
 * @param specVersion    the specification version the approved change created, if any
 */
record ChangeRequest(
        long id,
        String projectCode,
        String description,
        String reason,
        String status,
        String raisedBy,
        Instant raisedAt,
        List<String> requirements,
        List<AffectedMilestone> milestones,
        Integer effortDays,
        Integer scheduleDelayDays,
        BigDecimal cost,
        String riskLevel,
        String impactNotes,
        String analysedBy,
        String approverGroup,
        String decisionReason,
        String decidedBy,
        Instant decidedAt,
        Integer planBaseline,
        Integer specVersion) {

    static final String RAISED = "raised";
    static final String ANALYSED = "analysed";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String REBASELINED = "rebaselined";

    /** The subject under which its decisions are logged. */
    static String subject(long id) {
        return "change request " + id;
    }

    /** A milestone the request affects, with its due date when the request was raised. */
    record AffectedMilestone(long id, String name, LocalDate dueDate) {}
}
