package io.rollout.requirements;

import java.time.Instant;
import java.util.List;

/**
 * One requirement of a project's specification (《需求规格说明书》), as stored in table {@code requirement}.
 *
 * @param reqId               stable id, unique per project, e.g. {@code REQ-FIN-007}
 * @param department          one of the project's departments
 * @param priority            {@code must}, {@code should} or {@code could}
 * @param solutionMatch       {@code standard}, {@code configuration}, {@code customisation}, {@code not-covered},
 *                            or {@code null} while not yet matched
 * @param status              where the requirement stands in the clarify → match → verify loop: {@code draft},
 *                            {@code clarified}, {@code matched}, {@code verified}, {@code baselined}, or
 *                            {@code withdrawn}; {@code null} in a row read from a file or form (stored as draft)
 * @param solutionNote        how the matched solution meets the requirement (e.g. which function or configuration),
 *                            written in {@code UserTask_MatchSolutions}; {@code null} until then
 */
public record Requirement(
        String projectCode,
        String reqId,
        String department,
        String title,
        String painPoint,
        String goal,
        String expectedEffect,
        String priority,
        String acceptanceCriterion,
        String solutionMatch,
        String status,
        String updatedBy,
        Instant updatedAt,
        String solutionNote) {

    public static final String DRAFT = "draft";
    public static final String CLARIFIED = "clarified";
    public static final String MATCHED = "matched";
    public static final String VERIFIED = "verified";
    public static final String BASELINED = "baselined";
    public static final String WITHDRAWN = "withdrawn";
    /** Every status, in the order the loop moves. */
    public static final List<String> STATUSES = List.of(DRAFT, CLARIFIED, MATCHED, VERIFIED, BASELINED, WITHDRAWN);

    /** A requirement without a solution note, as files and lists without that column give it. */
    public Requirement(
            String projectCode,
            String reqId,
            String department,
            String title,
            String painPoint,
            String goal,
            String expectedEffect,
            String priority,
            String acceptanceCriterion,
            String solutionMatch,
            String status,
            String updatedBy,
            Instant updatedAt) {
        this(
                projectCode,
                reqId,
                department,
                title,
                painPoint,
                goal,
                expectedEffect,
                priority,
                acceptanceCriterion,
                solutionMatch,
                status,
                updatedBy,
                updatedAt,
                null);
    }

    /** The same requirement with another id and status. */
    Requirement with(String id, String newStatus) {
        return new Requirement(
                projectCode,
                id,
                department,
                title,
                painPoint,
                goal,
                expectedEffect,
                priority,
                acceptanceCriterion,
                solutionMatch,
                newStatus,
                updatedBy,
                updatedAt,
                solutionNote);
    }

    boolean isMust() {
        return RequirementFields.MUST.equals(priority);
    }

    /** Withdrawn requirements stay on record but are no longer part of the specification's checks. */
    boolean isWithdrawn() {
        return WITHDRAWN.equals(status);
    }
}
