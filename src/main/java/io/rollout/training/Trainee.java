package io.rollout.training;

/** A person who will use the system, planned for training in a role (e.g. operator, manager). */
record Trainee(String employeeId, String name, String department, String role) {
}
