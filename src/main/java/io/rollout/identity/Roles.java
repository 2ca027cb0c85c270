package io.rollout.identity;

import java.util.List;

/** The Camunda group ids of the roles in DESIGN.md; candidate groups in the models use these. */
public final class Roles {

    public static final String PMO = "pmo";
    public static final String BUSINESS_OWNER = "business-owner";
    public static final String KEY_USER = "key-user";
    public static final String CONSULTANT = "consultant";
    public static final String DEVELOPER = "developer";
    public static final String DATA_STEWARD = "data-steward";
    public static final String TRAINER = "trainer";
    public static final String STEERING_COMMITTEE = "steering-committee";
    public static final String IT_OPERATIONS = "it-operations";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "camunda-admin";

    /** Roles that do work in Tasklist. */
    public static final List<String> WORKING = List.of(
            PMO,
            BUSINESS_OWNER,
            KEY_USER,
            CONSULTANT,
            DEVELOPER,
            DATA_STEWARD,
            TRAINER,
            STEERING_COMMITTEE,
            IT_OPERATIONS,
            PROCESS_OWNER);

    /** Every role, working ones first. */
    public static final List<String> ALL = List.of(
            PMO,
            BUSINESS_OWNER,
            KEY_USER,
            CONSULTANT,
            DEVELOPER,
            DATA_STEWARD,
            TRAINER,
            STEERING_COMMITTEE,
            IT_OPERATIONS,
            PROCESS_OWNER,
            AUDITOR,
            ADMIN);

    /** Prefix of the group that holds the people of one department, e.g. {@code dept-finance}. */
    public static final String DEPARTMENT_PREFIX = "dept-";

    private Roles() {}

    public static String departmentGroup(String department) {
        return DEPARTMENT_PREFIX + department;
    }
}
