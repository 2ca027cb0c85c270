package io.rollout.requirements;

import java.time.Instant;

/**
 * One requirement of a project's specification (《需求规格说明书》), as stored in table {@code requirement}.
 *
 * @param reqId               stable id, unique per project, e.g. {@code REQ-FIN-007}
 * @param department          one of the project's departments
 * @param priority            {@code must}, {@code should} or {@code could}
 * @param solutionMatch       {@code standard}, {@code configuration}, {@code customisation}, {@code not-covered},
 *                            or {@code null} while not yet matched
 */
public record Requirement(String projectCode, String reqId, String department, String title, String painPoint,
                          String goal, String expectedEffect, String priority, String acceptanceCriterion,
                          String solutionMatch, String updatedBy, Instant updatedAt) {

    /** The same requirement as it will be stored for another project code and editor. */
    Requirement storedAs(String code, String by, Instant at) {
        return new Requirement(code, reqId, department, title, painPoint, goal, expectedEffect, priority,
            acceptanceCriterion, solutionMatch, by, at);
    }

    boolean isMust() {
        return RequirementFields.MUST.equals(priority);
    }
}
