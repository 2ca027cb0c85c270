package io.rollout.project;

import java.time.Instant;
import java.util.List;

/**
 * An implementation project: one {@code implementationProject} process instance whose business key
 * is the project {@code code}, with the departments, modules and legacy datasets in its scope.
 *
 * @param uatPassTarget     share of test cases that must pass, in percent
 * @param trainingTarget    share of planned users per role who must be trained and pass, in percent
 * @param trainingPassMark  assessment score needed to pass training
 * @param rejectThreshold   highest reject rate of a migration dry run, in percent, before sign-off
 */
public record Project(
        String code,
        String name,
        String customer,
        String systemType,
        int uatPassTarget,
        int trainingTarget,
        int trainingPassMark,
        int rejectThreshold,
        String status,
        List<String> departments,
        List<String> modules,
        List<String> datasets,
        String processInstanceId,
        String createdBy,
        Instant createdAt) {

    /** Project status while its phases run. */
    public static final String ACTIVE = "active";
    /** Project status once operations are handed over and the review is done. */
    public static final String CLOSED = "closed";
    /** Project status after the steering committee cancelled it. */
    public static final String CANCELLED = "cancelled";
}
