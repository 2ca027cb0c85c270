package io.rollout.requirements;

import java.time.Instant;

/**
 * A department owner's decision on one frozen version of the specification (table
 * {@code specification_approval}). It counts only for the version it was given on.
 */
record SpecificationApprovalRecord(
        String projectCode,
        int version,
        String department,
        String approver,
        boolean approved,
        String comment,
        Instant decidedAt) {}
