package io.rollout.training;

/**
 * A person who will use the system, planned for training in a role (e.g. operator, manager). A seed user
 * (种子用户) is a key user who also trains colleagues; their Camunda login is {@code userId}.
 */
record Trainee(String employeeId, String name, String department, String role, String userId, boolean seedUser) {

    Trainee(String employeeId, String name, String department, String role) {
        this(employeeId, name, department, role, null, false);
    }
}
