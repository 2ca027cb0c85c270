/**
 * Test cases, rounds, defects and the UAT gate ({@code userAcceptanceTest}); {@code UatStatus} is its read API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "User acceptance test",
        allowedDependencies = {"audit", "gate", "identity", "project", "requirements", "shared", "tasksheet"})
@io.rollout.shared.OwnsTables({
    "test_case",
    "test_case_requirement",
    "test_result",
    "uat_round",
    "uat_round_case",
    "defect",
    "defect_event"
})
package io.rollout.uat;
